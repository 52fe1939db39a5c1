package ladder.model.lab;

import org.jspecify.annotations.Nullable;

/**
 * The rule for a workspace path as a lab names it ({@code config:}, {@code file:}): relative, with '/' between
 * folders, never leaving the workspace. It is a rule of the lab format, so the catalog checks it when loading a lab
 * and the runtimes before resolving a path (where symbolic links are checked on the real files as well).
 */
public final class RelativePath {

    private RelativePath() {}

    /** What is wrong with a relative path as text, or null when it may be resolved. */
    public static @Nullable String problemWith(String relative) {
        if (relative.isBlank()) {
            return "is empty";
        }
        if (relative.indexOf('\0') >= 0) {
            return "contains a NUL character";
        }
        if (relative.startsWith("/") || relative.startsWith("\\") || relative.startsWith("~")
                || (relative.length() > 1 && relative.charAt(1) == ':')) {
            return "is an absolute path; give a path inside the workspace, e.g. rules/alerts.yml";
        }
        if (relative.contains("\\")) {
            return "contains a backslash; separate folders with '/'";
        }
        int depth = 0;
        for (String segment : relative.split("/")) {
            if (segment.equals("..")) {
                depth--;
                if (depth < 0) {
                    return "leaves the workspace with '..'";
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return null;
    }
}
