package ladder.labs.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import ladder.model.lab.CheckType;

/** {@code type: log-contains}: a component's log has a line matching a pattern (captured values quoted). */
final class LogContainsCheck implements CheckEvaluator {

    private final CheckType.LogContains check;

    LogContainsCheck(CheckType.LogContains check) {
        this.check = check;
    }

    @Override
    public Outcome evaluate(CheckContext context) {
        Pattern pattern;
        try {
            pattern = context.renderPattern(check.pattern());
        } catch (IllegalArgumentException e) {
            return Outcome.error(e.getMessage(), "a line of " + check.component() + "'s log matching /" + check.pattern() + "/");
        }
        String expected = "a line of " + check.component() + "'s log matching /" + pattern.pattern() + "/";
        Path log = context.session().logFile(check.component());
        if (!Files.isRegularFile(log)) {
            return Outcome.fail(check.component() + " has written no log", expected);
        }
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE);
        try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(log), decoder))) {
            long count = 0;
            String last = "";
            String line;
            while ((line = reader.readLine()) != null) {
                count++;
                if (pattern.matcher(line).find()) {
                    return Outcome.pass("line " + count + ": " + CheckContext.abbreviate(line, 200), expected);
                }
                if (!line.isBlank()) {
                    last = line;
                }
            }
            return Outcome.fail("no match in " + count + " lines of " + check.component() + "'s log"
                    + (last.isEmpty() ? "" : "; last line: " + CheckContext.abbreviate(last, 160)), expected);
        } catch (IOException e) {
            return Outcome.error("cannot read " + check.component() + "'s log: " + e.getMessage(), expected);
        }
    }
}
