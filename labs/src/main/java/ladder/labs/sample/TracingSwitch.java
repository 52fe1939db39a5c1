package ladder.labs.sample;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The tracing in force: set by the command line, replaced when {@code services.yml} sets another (see
 * {@link ServicesFileWatcher}), and shown by {@code GET /admin/tracing}.
 */
final class TracingSwitch implements Endpoint, AutoCloseable {

    private final String serviceName;
    private final Path servicesFile;
    private final RequestLog log;
    private final @Nullable URI otlp;
    private volatile SampleTracing current;

    /** @param otlp the agent's OTLP endpoint when the JVM runs under the OpenTelemetry Java agent: Brave stays off */
    TracingSwitch(String serviceName, ServicesFile.Tracing commandLine, Path servicesFile, RequestLog log,
                  @Nullable URI otlp) {
        this.serviceName = serviceName;
        this.servicesFile = servicesFile;
        this.log = log;
        this.otlp = otlp;
        this.current = otlp != null ? SampleTracing.otlp(commandLine) : new SampleTracing(serviceName, commandLine);
    }

    /** The tracing for the next request (a request keeps the one it started with). */
    SampleTracing current() {
        return current;
    }

    /** Replaces the tracing when {@code wanted} differs from what is in force; the old one flushes its spans. */
    synchronized void switchTo(ServicesFile.Tracing wanted) {
        SampleTracing old = current;
        if (wanted.equals(old.settings())) {
            return;
        }
        if (otlp != null) {
            // the agent's exporter is set when the JVM starts; Zipkin next to it would give requests a second trace id
            current = SampleTracing.otlp(wanted);
            log.warn("tracing from " + servicesFile + " ignored: traces go over OTLP to " + otlp
                    + " (the OpenTelemetry agent's sampler and exporter are set when the service starts)");
            return;
        }
        current = new SampleTracing(serviceName, wanted);
        old.close();
        log.info("tracing from " + servicesFile + ": zipkin=" + (wanted.zipkinUrl() == null ? "off" : wanted.zipkinUrl())
                + " sampleRate=" + wanted.sampleRate());
    }

    /** {@code GET /admin/tracing}. */
    @Override
    public Reply handle(Request request) {
        SampleTracing now = current;
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("otlpUrl", otlp == null ? null : otlp.toString());
        shown.put("zipkinUrl", otlp != null ? null : now.settings().zipkinUrl() == null ? null : now.settings().zipkinUrl().toString());
        shown.put("sampleRate", now.settings().sampleRate());
        shown.put("config", servicesFile.toString());
        shown.put("sentSpans", now.sentSpans());
        shown.put("droppedSpans", now.droppedSpans());
        return Reply.json(200, shown);
    }

    @Override
    public synchronized void close() {
        current.close();
    }
}
