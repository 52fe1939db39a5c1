package ladder.labs.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

/**
 * The shop: {@code GET /api/products}, {@code POST /api/orders}, {@code POST /api/checkout} and
 * {@code POST /api/payments}, with the counters {@code shop.orders}, {@code shop.checkouts} (by result) and
 * {@code shop.payments}. A checkout calls its dependencies in turn, each a span of its own
 * ({@code reserve-stock}, {@code price-cart}, {@code score-fraud}; one may be slow, see {@link SlowDependency}),
 * then pays through each downstream service's {@code POST /api/payments}, each call a {@code CLIENT} span
 * carrying {@code traceparent}.
 */
final class ShopEndpoints implements AutoCloseable {

    private static final List<Map<String, Object>> PRODUCTS = List.of(
            product("p-1", "Observability handbook", 39.0),
            product("p-2", "Ladder mug", 12.5),
            product("p-3", "Pager (decommissioned)", 5.0));

    private final String serviceName;
    private final List<URI> downstreamUrls;
    private final @Nullable HttpClient downstream;
    private final Counter orders;
    private final Counter checkoutsSucceeded;
    private final Counter checkoutsFailed;
    private final Counter payments;
    private final AtomicLong ids = new AtomicLong(1000);
    private final SlowDependency slow;
    private final RequestLog log;

    ShopEndpoints(String serviceName, List<URI> downstreamUrls, SlowDependency slow, RequestLog log,
                  MeterRegistry registry) {
        this.serviceName = serviceName;
        this.slow = slow;
        this.log = log;
        this.downstreamUrls = downstreamUrls;
        this.downstream = downstreamUrls.isEmpty() ? null : HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .build();
        this.orders = Counter.builder("shop.orders").description("Orders placed").register(registry);
        this.checkoutsSucceeded = Counter.builder("shop.checkouts").description("Checkouts by result")
                .tag("result", "success").register(registry);
        this.checkoutsFailed = Counter.builder("shop.checkouts").description("Checkouts by result")
                .tag("result", "failure").register(registry);
        this.payments = Counter.builder("shop.payments").description("Payments accepted").register(registry);
    }

    void addTo(Routes routes) {
        routes.add("/api/products", "GET", request -> Reply.json(200, PRODUCTS));
        routes.add("/api/orders", "POST", this::placeOrder);
        routes.add("/api/checkout", "POST", this::checkout);
        routes.add("/api/payments", "POST", this::pay);
    }

    private Reply placeOrder(Request request) {
        Object product = Json.parseObject(request.body()).get("productId");
        orders.increment();
        return Reply.json(201, Json.fields("orderId", "ord-" + ids.incrementAndGet(),
                "productId", product == null ? "p-1" : product.toString()));
    }

    private Reply pay(Request request) {
        payments.increment();
        return Reply.json(200, Json.fields("paymentId", "pay-" + ids.incrementAndGet(), "status", "accepted",
                "service", serviceName));
    }

    /** Pays locally, or through each downstream service in turn; the first failure fails the checkout with 502. */
    private Reply checkout(Request request) throws InterruptedException {
        callDependencies(request);
        if (downstream == null) {
            payments.increment();
            checkoutsSucceeded.increment();
            return checkedOut("local");
        }
        for (URI base : downstreamUrls) {
            String failure = callPayments(downstream, URI.create(base + "/api/payments"), request);
            if (failure != null) {
                checkoutsFailed.increment();
                return Reply.error(502, "payment service " + base + " answered " + failure);
            }
        }
        checkoutsSucceeded.increment();
        return checkedOut("accepted");
    }

    private Reply checkedOut(String payment) {
        return Reply.json(200, Json.fields("checkoutId", "chk-" + ids.incrementAndGet(), "payment", payment));
    }

    /**
     * The checkout's own dependencies, each in a span of its own; a slow call logs its cause in that span's scope,
     * so the line carries the trace and span id Zipkin shows (the cause is in the log only, not in the span).
     */
    private void callDependencies(Request request) throws InterruptedException {
        Tracer tracer = request.tracing().tracer();
        for (String dependency : SlowDependency.CAUSES.keySet()) {
            Span span = tracer.nextSpan(request.span()).name(dependency).start();
            try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
                SlowDependency.Delay delay = slow.delayOf(dependency);
                if (delay != null) {
                    Thread.sleep(delay.millis());
                    log.warn("slow dependency=" + dependency + " tookMs=" + delay.millis() + " cause=" + delay.cause());
                }
            } finally {
                span.end();
            }
        }
    }

    /** Calls one payment service in a client span; returns why it failed, or null when it accepted. */
    private @Nullable String callPayments(HttpClient client, URI url, Request request) throws InterruptedException {
        Span call = request.tracing().tracer().spanBuilder()
                .setParent(request.span().context())
                .kind(Span.Kind.CLIENT)
                .name("POST /api/payments")
                .tag("http.method", "POST")
                .tag("http.url", url.toString())
                .start();
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(3))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":42.5}"));
        request.tracing().propagator().inject(call.context(), builder, HttpRequest.Builder::header);
        int status;
        String failure = null;
        try {
            status = client.send(builder.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            status = 0;
            failure = e.toString();
        }
        call.tag("http.status_code", Integer.toString(status));
        if (status == 0 || status >= 500) {
            call.tag("error", failure == null ? Integer.toString(status) : failure);
        }
        call.end();
        if (failure != null) {
            return failure;
        }
        return status / 100 == 2 ? null : Integer.toString(status);
    }

    private static Map<String, Object> product(String id, String name, double price) {
        return Json.fields("id", id, "name", name, "price", price);
    }

    @Override
    public void close() {
        if (downstream != null) {
            downstream.shutdownNow();
        }
    }
}
