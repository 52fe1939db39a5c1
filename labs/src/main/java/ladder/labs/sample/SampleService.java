package ladder.labs.sample;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The sample shop the labs deploy: a small HTTP service on the JDK's {@link HttpServer} (it starts in well
 * under a second and runs in 64 MB), instrumented for the three signals a team learns to read. This class
 * starts and stops it; each job is a class of its own:
 *
 * <ul>
 *   <li>{@link ShopEndpoints}: {@code GET /api/products}, {@code POST /api/orders}, {@code POST /api/checkout}
 *       (which pays through the downstream service's {@code POST /api/payments} when {@code --downstream-url}
 *       is set), {@code POST /api/payments}, and the shop's counters.</li>
 *   <li>Operations: {@code GET /health}, {@code GET /metrics} (Prometheus text), {@link FaultsEndpoint}
 *       (error rate and latency injected at run time), {@link LoadEndpoint} (requests per second it sends
 *       itself), {@link WebhookEndpoint} (records what an Alertmanager webhook receiver is sent),
 *       {@link TracingSwitch} ({@code GET /admin/tracing}); {@link ServicesFileWatcher} applies what
 *       {@code services.yml} sets (tracing, load, a slow dependency).</li>
 *   <li>{@link InstrumentedHandler}: the timer {@code http.server.requests} (tags service, endpoint, method,
 *       status, outcome) with histogram buckets from 5 ms to 5 s, a Micrometer Tracing span per shop request
 *       and per downstream call (W3C {@code traceparent}, Zipkin through {@link SampleTracing}), and one log
 *       line per shop or admin request carrying {@code traceId=} and {@code spanId=} from the MDC
 *       ({@link RequestLog}).</li>
 * </ul>
 *
 * See {@code docs/sample-service.md} for every name and option.
 */
public final class SampleService implements AutoCloseable {

    private final SampleOptions options;
    private final RequestLog log;
    private final PrometheusMeterRegistry registry;
    private final TracingSwitch tracing;
    private final ServicesFileWatcher servicesFile;
    private final Path servicesFilePath;
    private final ShopEndpoints shop;
    private final ExecutorService executor;
    private final HttpServer server;
    private final LoadEndpoint load;

    private SampleService(SampleOptions options) throws IOException {
        this.options = options;
        this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64); // bound first: nothing to undo
        try {
            this.log = new RequestLog(options.name(), options.logFile());
        } catch (IOException e) {
            server.stop(0);
            throw e;
        }
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("service", options.name());
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        MeterRegistry meters = registry;
        if (options.otlpUrl() != null) {
            // the shop's own meters (http.server.requests, shop.*) also over OTLP: the OpenTelemetry agent's Micrometer
            // bridge is a registry inside Micrometer's global one; /metrics still serves them for a scrape
            meters = new CompositeMeterRegistry().add(registry).add(Metrics.globalRegistry);
            meters.config().commonTags("service", options.name());
        }
        ServicesFile.Tracing commandLine = new ServicesFile.Tracing(options.zipkinUrl(), options.sampleRate());
        // watched even while absent: a lab's learner may create it later
        this.servicesFilePath = (options.servicesFile() != null ? options.servicesFile() : Path.of("services.yml"))
                .toAbsolutePath();
        this.tracing = new TracingSwitch(options.name(), commandLine, servicesFilePath, log, options.otlpUrl());
        SlowDependency slow = new SlowDependency();
        this.shop = new ShopEndpoints(options.name(), options.downstreamUrls(), slow, log, meters);
        Faults faults = new Faults();

        Routes routes = new Routes();
        routes.add("/health", "GET", request -> Reply.json(200, Json.fields("status", "UP", "service", options.name())));
        routes.add("/metrics", "GET", request -> new Reply(200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
        shop.addTo(routes);
        new FaultsEndpoint(faults, log, meters).addTo(routes);
        routes.add("/admin/tracing", "GET", tracing);
        new WebhookEndpoint().addTo(routes);

        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        this.load = new LoadEndpoint(baseUrl(), log);
        load.addTo(routes);
        this.servicesFile = new ServicesFileWatcher(servicesFilePath, options.name(), commandLine, log, settings -> {
            tracing.switchTo(settings.tracing());
            if (settings.loadRps() != null) {
                load.set(settings.loadRps());
            }
            if (settings.slowDependency() != null) {
                slow.set(settings.slowDependency());
            }
        });
        server.setExecutor(executor);
        server.createContext("/", new InstrumentedHandler(routes, tracing, faults, meters, log));
    }

    /**
     * Binds the port, starts serving and, with {@code --load-rps}, sends load to itself.
     *
     * @throws IOException when the port cannot be bound or the log file cannot be opened
     */
    public static SampleService start(SampleOptions options) throws IOException {
        SampleService service = new SampleService(options);
        service.load.set(options.loadRps());
        service.servicesFile.start(); // after the command line's load: the file's wins
        service.server.start();
        ServicesFile.Tracing settings = service.tracing.current().settings();
        service.log.info("started on " + service.baseUrl()
                + (options.otlpUrl() != null ? " otlp=" + options.otlpUrl()
                        : " zipkin=" + (settings.zipkinUrl() == null ? "off" : settings.zipkinUrl()))
                + " downstream=" + (options.downstreamUrls().isEmpty() ? "none" : options.downstreamUrls())
                + " sampleRate=" + settings.sampleRate() + " loadRps=" + options.loadRps()
                + " config=" + service.servicesFilePath + (Files.exists(service.servicesFilePath) ? "" : " (absent)"));
        return service;
    }

    /** The port actually bound (useful with {@code --port 0}). */
    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUrl() {
        return URI.create("http://" + options.host() + ":" + port());
    }

    /** Stops serving, flushes the spans still queued and closes the log. */
    @Override
    public void close() {
        servicesFile.close();
        load.close();
        server.stop(0);
        executor.shutdownNow();
        tracing.close();
        shop.close();
        log.close();
        registry.close();
    }

    public static void main(String[] args) {
        SampleOptions options;
        try {
            options = SampleOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("sample-service: " + e.getMessage());
            System.err.println("usage: SampleService --port P --name NAME [--zipkin-url URL] [--downstream-url URL]"
                    + " [--log-file PATH] [--load-rps N] [--sample-rate 0..1] [--config services.yml] [--host 127.0.0.1]"
                    + " [--otlp-url URL]");
            System.exit(2);
            return;
        }
        RequestLog.quietOthers();
        try {
            SampleService service = start(options);
            Runtime.getRuntime().addShutdownHook(new Thread(service::close, "sample-service-shutdown"));
        } catch (IOException e) {
            System.err.println("sample-service: cannot start on " + options.host() + ":" + options.port()
                    + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
