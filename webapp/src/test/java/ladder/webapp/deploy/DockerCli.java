package ladder.webapp.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Docker and docker-compose command lines as a user runs them, for the tests that build Ladder's image and
 * start the Compose stack on the local engine; and the images those tests need, built once per test JVM.
 */
final class DockerCli {

    /** The repository root: the tests run in {@code webapp/}. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final String LADDER_IMAGE = "ladder:suite";

    private static String ladderImage;
    private static final Map<String, String> standIns = new java.util.HashMap<>();

    private DockerCli() {
    }

    record Result(int exitCode, String output) {
        Result orFail(String what) {
            if (exitCode != 0) {
                throw new AssertionError(what + " failed (exit " + exitCode + "):\n" + output);
            }
            return this;
        }
    }

    /**
     * Runs a command from the repository root, its output (both streams) kept; fails when it outlasts the timeout.
     * Variables in {@code env} with an empty value are removed from the command's environment.
     */
    static Result run(Duration timeout, Map<String, String> env, List<String> command) {
        try {
            Path log = Files.createTempFile("ladder-docker", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                        .redirectErrorStream(true).redirectOutput(log.toFile());
                env.forEach((name, value) -> {
                    if (value.isEmpty()) {
                        builder.environment().remove(name);
                    } else {
                        builder.environment().put(name, value);
                    }
                });
                Process process = builder.start();
                if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(String.join(" ", command) + " did not end within " + timeout + ":\n"
                            + Files.readString(log, StandardCharsets.UTF_8));
                }
                return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static Result run(Duration timeout, String... command) {
        return run(timeout, Map.of(), List.of(command));
    }

    /** Skips the calling test class, saying why, unless a Docker engine answers. */
    static void assumeEngine(String testName) {
        Result version = run(Duration.ofSeconds(30), "docker", "version", "--format", "{{.Server.Version}}");
        if (version.exitCode() != 0) {
            skip(testName, "no Docker engine answers (" + version.output().strip()
                    + "); scripts/docker-engine.sh provides one");
        }
    }

    static void skip(String testName, String reason) {
        System.err.println("[ladder] " + testName + ": SKIPPED: " + reason);
        Assumptions.abort(reason);
    }

    /**
     * Ladder's image from {@code deploy/Dockerfile} and the packaged jar, on the JRE image named by
     * {@code LADDER_TEST_JRE_IMAGE}, else on one that {@code deploy/jre/make-jre-image.sh} makes from this JVM's
     * JDK (no registry is needed: the base is the local {@code debian:bookworm-slim}).
     */
    static synchronized String ladderImage(String testName) {
        if (ladderImage != null) {
            return ladderImage;
        }
        if (!Files.isRegularFile(ROOT.resolve("webapp/target/ladder.jar"))) {
            skip(testName, "webapp/target/ladder.jar is missing: these tests run in the integration-test phase,"
                    + " after package (./mvnw verify)");
        }
        String jre = System.getenv("LADDER_TEST_JRE_IMAGE");
        if (jre == null || jre.isBlank()) {
            Path jdk = Path.of(System.getProperty("java.home"));
            if (!Files.isExecutable(jdk.resolve("bin/jlink"))) {
                skip(testName, "no jlink in " + jdk + " to make the JRE image; set LADDER_TEST_JRE_IMAGE to one");
            }
            jre = "ladder-jre:suite";
            run(Duration.ofMinutes(10), Map.of("JAVA_HOME", jdk.toString()),
                    List.of("bash", "deploy/jre/make-jre-image.sh", jre)).orFail("making the JRE image");
        }
        run(Duration.ofMinutes(15), "docker", "build", "-q", "-f", "deploy/Dockerfile", "--build-arg", "JRE_IMAGE=" + jre,
                "-t", LADDER_IMAGE, ".").orFail("docker build -f deploy/Dockerfile");
        ladderImage = LADDER_IMAGE;
        return ladderImage;
    }

    /** One of the stand-ins under {@code deploy/compose/} (PostgreSQL, Prometheus, Alertmanager from Debian). */
    static synchronized String standIn(String name) {
        return standIns.computeIfAbsent(name, n -> {
            String tag = "ladder-" + n + ":suite";
            run(Duration.ofMinutes(15), "docker", "build", "-q", "-t", tag, "deploy/compose/" + n)
                    .orFail("docker build deploy/compose/" + n);
            return tag;
        });
    }

}
