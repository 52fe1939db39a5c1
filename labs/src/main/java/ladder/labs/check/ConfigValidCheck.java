package ladder.labs.check;

import ladder.labs.runtime.ToolResult;
import ladder.labs.runtime.WorkspacePaths;
import ladder.model.lab.CheckType;

/** {@code type: config-valid}: promtool or amtool accepts a workspace file; otherwise shows their output. */
final class ConfigValidCheck implements CheckEvaluator {

    private final CheckType.ConfigValid check;

    ConfigValidCheck(CheckType.ConfigValid check) {
        this.check = check;
    }

    @Override
    public Outcome evaluate(CheckContext context) {
        String expected = check.file() + " accepted by " + switch (check.tool()) {
            case PROMETHEUS_CONFIG -> "promtool check config";
            case PROMETHEUS_RULES -> "promtool check rules";
            case ALERTMANAGER_CONFIG -> "amtool check-config";
        };
        ToolResult result;
        try {
            result = context.session().validate(check.file(), check.tool());
        } catch (WorkspacePaths.UnsafePathException e) {
            return Outcome.error(e.getMessage(), expected);
        }
        String observed = result.command() + " exited " + result.exitCode() + (result.output().isEmpty() ? "" : ":\n" + result.output());
        return result.valid() ? Outcome.pass(observed, expected) : Outcome.fail(observed, expected);
    }
}
