package ladder.webapp.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import ladder.webapp.LadderApplication;

/**
 * Ladder in a JVM of its own, with exactly the settings it ships with ({@code application.properties} alone,
 * not the tests' in-memory database), for tests that kill it with SIGKILL and start it again.
 */
public final class AppProcess {

    private AppProcess() {
    }

    /**
     * Starts the app on {@code port} with {@code data} as its data directory and waits until it answers
     * {@code /actuator/health}; its output goes to {@code target/<logName>.log}.
     */
    public static Process start(Path data, int port, String adminPassword, String logName, Map<String, String> env)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Path.of("target", logName + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                LadderApplication.class.getName(),
                "--spring.config.location=classpath:/application.properties", "--vaadin.productionMode=true")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("LADDER_DATA_DIR", data.toString());
        builder.environment().put("LADDER_ADMIN_PASSWORD", adminPassword);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().putAll(env);
        Process process = builder.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the app stopped while starting; see " + log.toAbsolutePath());
            }
            try {
                if (Http.to(port).get("/actuator/health").statusCode() == 200) {
                    return process;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("the app did not start within 180 s; see " + log.toAbsolutePath());
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
