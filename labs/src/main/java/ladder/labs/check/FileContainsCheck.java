package ladder.labs.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import ladder.labs.runtime.WorkspacePaths;
import ladder.model.lab.CheckType;

/**
 * {@code type: file-contains}: a workspace file has a match for a regular expression; its named groups are captured
 * (an answer the learner wrote, for the checks that verify it).
 */
final class FileContainsCheck implements CheckEvaluator {

    private final CheckType.FileContains check;

    FileContainsCheck(CheckType.FileContains check) {
        this.check = check;
    }

    @Override
    public Outcome evaluate(CheckContext context) {
        String expected = check.file() + " matches /" + check.pattern() + "/";
        Path file;
        try {
            file = context.session().workspaceFile(check.file());
        } catch (WorkspacePaths.UnsafePathException e) {
            return Outcome.error(e.getMessage(), expected);
        }
        if (!Files.isRegularFile(file)) {
            return Outcome.fail(check.file() + " does not exist in the workspace", expected);
        }
        try {
            String text = Files.readString(file);
            Pattern pattern = context.renderPattern(check.pattern());
            var matcher = pattern.matcher(text);
            if (matcher.find()) {
                int line = (int) text.substring(0, matcher.start()).chars().filter(c -> c == '\n').count() + 1;
                Map<String, String> captured = new LinkedHashMap<>();
                for (String group : pattern.namedGroups().keySet()) {
                    if (matcher.group(group) != null) {
                        captured.put(group, matcher.group(group));
                    }
                }
                return Outcome.pass("match at line " + line + ": '" + CheckContext.abbreviate(matcher.group(), 120) + "'", expected)
                        .capturing(captured);
            }
            long lines = text.lines().count();
            return Outcome.fail("no match in " + check.file() + " (" + lines + " lines)", expected);
        } catch (IOException e) {
            return Outcome.error("cannot read " + check.file() + ": " + e.getMessage(), expected);
        }
    }
}
