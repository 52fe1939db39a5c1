package ladder.labs.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Reads this service's section of {@code services.yml} at start and whenever the file's modification time
 * changes (it is checked every second, also while it does not exist yet: a lab's learner may create it later),
 * and hands what it sets to the service. A broken file is logged as a {@code WARN} line naming the field, and
 * the settings in force stay.
 */
final class ServicesFileWatcher implements AutoCloseable {

    private final Path file;
    private final String serviceName;
    private final ServicesFile.Tracing commandLine;
    private final RequestLog log;
    private final Consumer<ServicesFile.Settings> apply;
    private final ScheduledExecutorService watcher;
    private @Nullable FileTime seen; // guarded by this

    ServicesFileWatcher(Path file, String serviceName, ServicesFile.Tracing commandLine, RequestLog log,
                        Consumer<ServicesFile.Settings> apply) {
        this.file = file;
        this.serviceName = serviceName;
        this.commandLine = commandLine;
        this.log = log;
        this.apply = apply;
        this.watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "services-file-watcher");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Reads the file now, then every second. */
    void start() {
        reread();
        watcher.scheduleWithFixedDelay(this::reread, 1, 1, TimeUnit.SECONDS);
    }

    private synchronized void reread() {
        try {
            FileTime modified = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
            if (modified == null || modified.equals(seen)) {
                return;
            }
            seen = modified;
            apply.accept(ServicesFile.read(file, serviceName, commandLine));
        } catch (IOException | IllegalArgumentException e) {
            log.warn("ignoring " + file + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        watcher.shutdownNow();
    }
}
