package ladder.labs.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Resolves workspace-relative paths so that none escapes its workspace: no absolute paths, no
 * {@code ..} that leaves the folder, no symbolic link that points outside (checked on real paths).
 */
public final class WorkspacePaths {

    private WorkspacePaths() {}

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

    /**
     * Resolves a relative path inside a workspace.
     *
     * @throws UnsafePathException when the path, or a symbolic link on its way, leads outside
     */
    public static Path resolve(Path workspace, String relative) {
        String problem = problemWith(relative);
        if (problem != null) {
            throw new UnsafePathException("'" + relative + "' " + problem);
        }
        try {
            Path root = workspace.toRealPath();
            Path candidate = root.resolve(relative).normalize();
            if (!candidate.startsWith(root)) {
                throw new UnsafePathException("'" + relative + "' leaves the workspace");
            }
            // the deepest part that exists must really be inside: a symbolic link may point anywhere
            Path existing = candidate;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (existing != null) {
                if (Files.isSymbolicLink(existing) && !Files.exists(existing)) {
                    throw new UnsafePathException("'" + relative + "' is a symbolic link that points nowhere");
                }
                Path real = existing.toRealPath();
                if (!real.startsWith(root)) {
                    throw new UnsafePathException(
                            "'" + relative + "' goes through a symbolic link that points outside the workspace");
                }
                return real.resolve(existing.relativize(candidate));
            }
            return candidate;
        } catch (IOException e) {
            throw new UnsafePathException("'" + relative + "' cannot be resolved: " + e.getMessage());
        }
    }

    /** A path that would leave its workspace. */
    public static final class UnsafePathException extends IllegalArgumentException {
        public UnsafePathException(String message) {
            super(message);
        }
    }
}
