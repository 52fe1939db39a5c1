package ladder.labs.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends a steady mix of shop traffic to a sample service — 40% {@code GET /api/products}, 30%
 * {@code POST /api/orders}, 30% {@code POST /api/checkout} — so metrics and traces exist without a human.
 * Used by {@code --load-rps N}, or on its own: {@code java -cp ladder-labs.jar ladder.labs.sample.LoadGenerator
 * --target http://127.0.0.1:8080 --rps 5 [--seconds 60]}.
 */
public final class LoadGenerator implements AutoCloseable {

    private final URI target;
    private final HttpClient client;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /** Starts sending {@code rps} requests per second to {@code target} until closed. */
    public LoadGenerator(URI target, double rps) {
        if (!(rps > 0 && rps <= 1000)) {
            throw new IllegalArgumentException("rps must be above 0 and at most 1000, got " + rps);
        }
        this.target = target;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .build();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "load-generator");
            thread.setDaemon(true);
            return thread;
        });
        long periodMicros = Math.max(1000, Math.round(1_000_000 / rps));
        scheduler.scheduleAtFixedRate(this::sendOne, periodMicros, periodMicros, TimeUnit.MICROSECONDS);
    }

    /** Requests sent so far. */
    public long sent() {
        return sent.get();
    }

    /** Requests that got no answer or a 5xx answer. */
    public long failed() {
        return failed.get();
    }

    private void sendOne() {
        int pick = ThreadLocalRandom.current().nextInt(10);
        HttpRequest.Builder request;
        if (pick < 4) {
            request = HttpRequest.newBuilder(target.resolve("/api/products")).GET();
        } else if (pick < 7) {
            String body = "{\"productId\":\"p-" + (1 + ThreadLocalRandom.current().nextInt(3)) + "\",\"quantity\":1}";
            request = HttpRequest.newBuilder(target.resolve("/api/orders"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
        } else {
            request = HttpRequest.newBuilder(target.resolve("/api/checkout"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":42.5}"));
        }
        sent.incrementAndGet();
        client.sendAsync(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, error) -> {
                    if (error != null || response.statusCode() >= 500) {
                        failed.incrementAndGet();
                    }
                });
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        client.shutdownNow();
    }

    public static void main(String[] args) throws InterruptedException {
        URI target = null;
        double rps = 5;
        long seconds = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--target" -> target = URI.create(args[i + 1]);
                case "--rps" -> rps = Double.parseDouble(args[i + 1]);
                case "--seconds" -> seconds = Long.parseLong(args[i + 1]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (target == null || args.length % 2 != 0) {
            System.err.println("usage: LoadGenerator --target http://127.0.0.1:PORT [--rps N] [--seconds S]");
            System.exit(2);
            return;
        }
        try (LoadGenerator load = new LoadGenerator(target, rps)) {
            if (seconds > 0) {
                Thread.sleep(seconds * 1000);
            } else {
                Thread.currentThread().join(); // until killed
            }
            System.out.println("sent " + load.sent() + " requests, " + load.failed() + " failed");
        }
    }
}
