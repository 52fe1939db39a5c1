package ladder.labs.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The tracing in force: set by the command line, replaced by this service's section of {@code services.yml}
 * whenever the file changes (it is checked every second, also while it does not exist yet), and shown by
 * {@code GET /admin/tracing}.
 */
final class TracingSwitch implements Endpoint, AutoCloseable {

    private final String serviceName;
    private final ServicesFile.Tracing commandLine;
    private final Path servicesFile;
    private final RequestLog log;
    private final ScheduledExecutorService watcher;
    private volatile SampleTracing current;
    private @Nullable FileTime servicesFileSeen; // guarded by this

    TracingSwitch(SampleOptions options, RequestLog log) {
        this.serviceName = options.name();
        this.commandLine = new ServicesFile.Tracing(options.zipkinUrl(), options.sampleRate());
        // watched even while absent: a lab's learner may create it later
        this.servicesFile = (options.servicesFile() != null ? options.servicesFile() : Path.of("services.yml"))
                .toAbsolutePath();
        this.log = log;
        this.current = new SampleTracing(serviceName, commandLine);
        this.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "services-file-watcher");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Reads the services file now, then every second. */
    void start() {
        reread();
        watcher.scheduleWithFixedDelay(this::reread, 1, 1, TimeUnit.SECONDS);
    }

    /** The tracing for the next request (a request keeps the one it started with). */
    SampleTracing current() {
        return current;
    }

    Path servicesFile() {
        return servicesFile;
    }

    /** {@code GET /admin/tracing}. */
    @Override
    public Reply handle(Request request) {
        SampleTracing now = current;
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("zipkinUrl", now.settings().zipkinUrl() == null ? null : now.settings().zipkinUrl().toString());
        shown.put("sampleRate", now.settings().sampleRate());
        shown.put("config", servicesFile.toString());
        shown.put("sentSpans", now.sentSpans());
        shown.put("droppedSpans", now.droppedSpans());
        return Reply.json(200, shown);
    }

    /** Applies {@code services.yml} when it changed since last seen; a broken file is reported and ignored. */
    private synchronized void reread() {
        Path file = servicesFile;
        try {
            FileTime modified = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
            if (modified == null || modified.equals(servicesFileSeen)) {
                return;
            }
            servicesFileSeen = modified;
            ServicesFile.Tracing wanted = ServicesFile.read(file, serviceName, commandLine);
            SampleTracing old = current;
            if (wanted.equals(old.settings())) {
                return;
            }
            current = new SampleTracing(serviceName, wanted);
            old.close();
            log.info("tracing from " + file + ": zipkin=" + (wanted.zipkinUrl() == null ? "off" : wanted.zipkinUrl())
                    + " sampleRate=" + wanted.sampleRate());
        } catch (IOException | IllegalArgumentException e) {
            log.warn("ignoring " + file + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        current.close();
    }
}
