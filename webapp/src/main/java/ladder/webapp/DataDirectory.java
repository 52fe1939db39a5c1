package ladder.webapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.MapPropertySource;

/**
 * Creates the data directory ({@code LADDER_DATA_DIR}, default {@code ./data}) before anything uses it:
 * the H2 file database and the lab workspaces live there. Registered in {@code META-INF/spring.factories}
 * so it runs before the datasource starts, in the app and in tests alike.
 */
public class DataDirectory implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** The data directory as an absolute, normalised path, for settings such as the H2 URL. */
    public static final String PATH_PROPERTY = "ladder.data-path";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String configured = event.getEnvironment().getProperty("ladder.data-dir", "./data");
        Path directory = Path.of(configured).toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + directory
                    + " (LADDER_DATA_DIR): " + e.getMessage(), e);
        }
        ownerOnly(directory);
        if (!Files.isWritable(directory)) {
            throw new IllegalStateException("the data directory " + directory + " (LADDER_DATA_DIR) is not writable");
        }
        // H2 refuses relative file paths such as "data/ladder": everything uses this absolute form.
        event.getEnvironment().getPropertySources().addLast(
                new MapPropertySource("ladderDataDirectory", Map.of(PATH_PROPERTY, directory.toString())));
    }

    /**
     * Only the app's own user may enter the data directory (rwx------): the H2 file and the lab workspaces in it
     * are then unreadable to others whatever the umask gave the files. Skipped where the file system has no
     * POSIX permissions (Windows).
     */
    static void ownerOnly(Path directory) {
        try {
            if (!Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class)) {
                return;
            }
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the data directory " + directory
                    + " (LADDER_DATA_DIR) private to its owner: " + e.getMessage(), e);
        }
    }
}
