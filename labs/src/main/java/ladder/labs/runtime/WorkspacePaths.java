package ladder.labs.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import ladder.model.lab.RelativePath;

/**
 * Resolves workspace-relative paths so that none escapes its workspace: no absolute paths, no
 * {@code ..} that leaves the folder ({@link RelativePath}), no symbolic link that points outside (checked on real
 * paths).
 */
public final class WorkspacePaths {

    private WorkspacePaths() {}

    /**
     * Resolves a relative path inside a workspace.
     *
     * @throws UnsafePathException when the path, or a symbolic link on its way, leads outside
     */
    public static Path resolve(Path workspace, String relative) {
        String problem = RelativePath.problemWith(relative);
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
