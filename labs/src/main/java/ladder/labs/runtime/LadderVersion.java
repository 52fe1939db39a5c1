package ladder.labs.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Ladder's version, written into {@code ladder/labs/version.properties} by the build. */
final class LadderVersion {

    private LadderVersion() {}

    static String get() {
        try (InputStream in = LadderVersion.class.getResourceAsStream("/ladder/labs/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "dev");
            return version.startsWith("${") ? "dev" : version;
        } catch (IOException e) {
            return "dev";
        }
    }
}
