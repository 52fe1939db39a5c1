package ladder.labs.runtime;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * PostgreSQL refuses to run as root, and the process runtime runs its components as Ladder's own user, which on
 * a CI machine or in a container is root. Then the server runs as Debian's {@code postgres} user (its package
 * creates it), through {@code setpriv}, in a data folder that user can reach whatever the permissions above
 * Ladder's data folder: {@code <tmp>/ladder-lab-postgres/<sessions folder's hash>/<session>/<component>}, the
 * folders above it root's and only traversable ({@code 0711}), the data folder the {@code postgres} user's
 * ({@code 0700}). It is deleted when the session stops, and by the next runtime's sweep after a crash.
 */
final class PostgresAsRoot {

    static final String USER = "postgres";

    private PostgresAsRoot() {}

    private static Path base(Path sessionsDirectory) {
        return Path.of(System.getProperty("java.io.tmpdir"), "ladder-lab-postgres",
                Integer.toHexString(sessionsDirectory.toAbsolutePath().normalize().toString().hashCode()));
    }

    static Path dataDirectory(Path sessionsDirectory, String sessionId, String component) {
        return base(sessionsDirectory).resolve(sessionId).resolve(component);
    }

    static boolean userExists() {
        try {
            FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(USER);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Makes the folders above traversable only and gives the data folder to the {@code postgres} user. */
    static void prepare(Path data) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        for (Path folder = data.getParent(); folder != null && !folder.equals(tmp); folder = folder.getParent()) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx--x--x"));
        }
        UserPrincipal postgres = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(USER);
        PosixFileAttributeView view = Files.getFileAttributeView(data, PosixFileAttributeView.class);
        view.setOwner(postgres);
        view.setGroup(FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByGroupName(USER));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
    }

    /** Deletes the data folders of sessions of this sessions folder that are gone (their folder is). */
    static List<String> sweep(Path sessionsDirectory) {
        List<String> done = new ArrayList<>();
        Path base = base(sessionsDirectory);
        if (!Files.isDirectory(base)) {
            return done;
        }
        try (Stream<Path> entries = Files.list(base)) {
            for (Path entry : entries.toList()) {
                if (!Files.exists(sessionsDirectory.resolve(entry.getFileName().toString()))) {
                    SessionRecords.deleteTree(entry);
                    done.add("deleted stale PostgreSQL data folder " + entry);
                }
            }
        } catch (IOException e) {
            done.add("cannot list " + base + ": " + e.getMessage());
        }
        return done;
    }
}
