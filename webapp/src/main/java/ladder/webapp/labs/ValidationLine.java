package ladder.webapp.labs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The line a promtool or amtool message points at ("yaml: line 12: ..."), so views can show it next to the file. */
public final class ValidationLine {

    private static final Pattern LINE = Pattern.compile("\\bline (\\d+)\\b");

    private ValidationLine() {
    }

    /** The first line number the output names, or null. */
    public static @Nullable Integer of(String output) {
        Matcher matcher = LINE.matcher(output);
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }
}
