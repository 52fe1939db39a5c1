package ladder.labs.runtime;

import java.util.List;

/**
 * The outcome of applying the learner's changes to a running session.
 *
 * @param applied     true when every file validated and every component reloaded
 * @param validations the validators run, with their output
 * @param message     what happened, for a person ("prometheus reloaded", or the first error)
 */
public record ApplyResult(boolean applied, List<ToolResult> validations, String message) {

    public ApplyResult {
        validations = List.copyOf(validations);
    }
}
