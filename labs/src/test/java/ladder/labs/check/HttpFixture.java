package ladder.labs.check;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP server standing in for the sample service's fault endpoint and for probes: it records
 * every request, and {@code /meet/a} and {@code /meet/b} answer only once both have arrived — which
 * they can do only when the engine sends them at the same time.
 */
final class HttpFixture implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch meeting = new CountDownLatch(2);

    HttpFixture() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<String> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + path);
        int status = 200;
        String body = "ok";
        if (path.startsWith("/meet/")) {
            meeting.countDown();
            try {
                boolean met = meeting.await(10, TimeUnit.SECONDS);
                status = met ? 200 : 504;
                body = met ? "met" : "alone";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                status = 500;
            }
        } else if (path.equals("/broken")) {
            status = 500;
            body = "injected failure";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
