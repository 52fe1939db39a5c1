package ladder.labs.sample;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

/** A test double for a Zipkin collector: keeps every body POSTed to {@code /api/v2/spans}. */
final class FakeZipkinCollector implements AutoCloseable {

    private final HttpServer server;
    private final List<String> bodies = new ArrayList<>();

    FakeZipkinCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v2/spans", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean post = "POST".equals(exchange.getRequestMethod());
            if (post) {
                synchronized (bodies) {
                    bodies.add(body);
                    bodies.notifyAll();
                }
            }
            exchange.sendResponseHeaders(post ? 202 : 405, -1);
            exchange.close();
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Waits until {@code text} occurs {@code times} times in what was received; returns all received. */
    String awaitBodiesContaining(String text, int times, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (bodies) {
            while (true) {
                String all = String.join("\n", bodies);
                if (all.split(text, -1).length - 1 >= times) {
                    return all;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return all;
                }
                bodies.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
