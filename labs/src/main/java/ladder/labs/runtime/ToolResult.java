package ladder.labs.runtime;

/**
 * The outcome of a validator ({@code promtool}, {@code amtool}) run on a workspace file.
 *
 * @param command  the command as a person would type it
 * @param exitCode its exit code (0 = valid)
 * @param output   what it printed, standard output and error together
 */
public record ToolResult(String command, int exitCode, String output) {

    public boolean valid() {
        return exitCode == 0;
    }
}
