package ladder.labs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The tiny test lab {@code node-basics} (prometheus + node-exporter), and copies of it to spoil. */
public final class TestLabs {

    private TestLabs() {}

    public static Path nodeBasics() {
        return lab("node-basics");
    }

    /** {@code alert-basics}: prometheus + alertmanager, an alert that always fires. */
    public static Path alertBasics() {
        return lab("alert-basics");
    }

    /** {@code zipkin-basics}: Zipkin alone. */
    public static Path zipkinBasics() {
        return lab("zipkin-basics");
    }

    private static Path lab(String id) {
        try {
            return Path.of(TestLabs.class.getResource("/labs/" + id + "/lab.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the test lab to {@code <parent>/node-basics}, so a test can change it. */
    public static Path copyOfNodeBasics(Path parent) {
        Path source = nodeBasics();
        Path target = parent.resolve("node-basics");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : walk.toList()) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
