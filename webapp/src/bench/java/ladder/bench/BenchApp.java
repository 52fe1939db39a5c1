package ladder.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged app ({@code bench.jar}, default {@code target/ladder.jar}) started as a process of its own on a
 * fresh data directory and a free port, for the benchmarks that measure it from outside, with the few API calls
 * they seed it with.
 */
final class BenchApp implements AutoCloseable {

    static final String ADMIN_PASSWORD = "Bench-admin-password-1";
    static final String PASSWORD = "bench-password-long-1";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    final Process process;
    final int port;
    final String base;
    final Path out;

    private BenchApp(Process process, int port, Path out) {
        this.process = process;
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
        this.out = out;
    }

    /** Starts the jar with these JVM options, its output in {@code bench.out/<log>}, and waits until it is healthy. */
    static BenchApp start(String log, String... jvmOptions) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path jar = Path.of(System.getProperty("bench.jar", "target/ladder.jar"));
        Path out = Path.of(System.getProperty("bench.out", "target/bench"));
        Files.createDirectories(out);
        Path data = Files.createTempDirectory("ladder-bench-");
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(out.resolve(log).toFile());
        builder.environment().put("LADDER_DATA_DIR", data.toString());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("LADDER_ADMIN_PASSWORD", ADMIN_PASSWORD);
        BenchApp app = new BenchApp(builder.start(), port, out);
        Runtime.getRuntime().addShutdownHook(new Thread(app.process::destroy));
        app.awaitHealthy(log);
        return app;
    }

    /** The java of this JVM (the same JDK runs the app). */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    @Override
    public void close() {
        process.destroy();
    }

    private void awaitHealthy(String log) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app ended while starting: see " + out.resolve(log));
            }
            try {
                if (send(null, "GET", "/actuator/health", null).statusCode() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the app was not healthy within 3 minutes");
    }

    void account(String admin, String username, String roles) {
        expect(201, send(admin, "POST", "/api/accounts", """
                {"username":"%s","displayName":"%s","handle":"@%s","roles":%s,"password":"%s"}"""
                .formatted(username, username, username, roles, PASSWORD)));
    }

    long roadmap(String mentor, String name, String dot) {
        HttpResponse<String> created = send(mentor, "POST", "/api/roadmaps?name=" + name, dot);
        expect(201, created);
        return Long.parseLong(field(created.body(), "\"id\":([0-9]+)"));
    }

    String token(String password) {
        HttpResponse<String> made = send(password, "POST", "/api/tokens",
                "{\"name\":\"bench\",\"expiresInDays\":1,\"scope\":\"write\"}");
        expect(201, made);
        return field(made.body(), "\"token\":\"([^\"]+)\"");
    }

    static String field(String json, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + json);
        }
        return matcher.group(1);
    }

    static void expect(int status, HttpResponse<String> answer) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(answer.request().method() + " " + answer.request().uri() + " answered "
                    + answer.statusCode() + ": " + answer.body());
        }
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(String authorization, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", body.startsWith("{") ? "application/json" : "text/vnd.graphviz");
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
