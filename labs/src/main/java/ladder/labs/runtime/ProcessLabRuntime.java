package ladder.labs.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import ladder.labs.catalog.LabFolder;
import ladder.model.lab.ComponentKind;

/**
 * Starts each component of a lab as a native process on 127.0.0.1, on free ports, from fixed
 * command lines. At construction it cleans up what a crashed run left behind; on {@link #close()},
 * at a session's time limit and at JVM shutdown it stops every process with its descendants.
 *
 * <p>Meters: {@code ladder.labs.start.duration} (timer, tags lab, {@code runtime=process} and outcome) and
 * {@code ladder.labs.sessions.active} (gauge, tag runtime).
 */
public final class ProcessLabRuntime implements LabRuntime {

    static final String SAMPLE_SERVICE_CLASS = ComponentRecipe.SampleService.MAIN_CLASS;

    private final ProcessRuntimeSettings settings;
    private final MeterRegistry registry;
    private final List<ProcessLabSession> sessions = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timeLimits;
    private final Thread shutdownHook;
    private final List<String> sweptLeftovers;
    private volatile boolean closed;

    public ProcessLabRuntime(ProcessRuntimeSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.registry = registry;
        try {
            Files.createDirectories(settings.sessionsDirectory());
        } catch (IOException e) {
            throw new LabStartException("cannot create the sessions folder " + settings.sessionsDirectory() + ": " + e.getMessage(), e);
        }
        this.sweptLeftovers = sweep();
        this.timeLimits = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lab-time-limits");
            thread.setDaemon(true);
            return thread;
        });
        Gauge.builder("ladder.labs.sessions.active", sessions, List::size).tag("runtime", "process")
                .description("Lab sessions running").register(registry);
        this.shutdownHook = new Thread(this::stopAll, "lab-sessions-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Kills the processes of sessions whose JVM is gone, then deletes session folders no pid file claims. */
    private List<String> sweep() {
        List<String> done = new ArrayList<>(SessionRecords.sweep(settings.sessionsDirectory()));
        if (settings.keepSessionFolders()) {
            return done;
        }
        try (Stream<Path> entries = Files.list(settings.sessionsDirectory())) {
            for (Path entry : entries.toList()) {
                if (Files.isDirectory(entry)
                        && !Files.exists(SessionRecords.pidFile(settings.sessionsDirectory(), entry.getFileName().toString()))) {
                    SessionRecords.deleteTree(entry);
                    done.add("deleted stale session folder " + entry);
                }
            }
        } catch (IOException e) {
            done.add("cannot list " + settings.sessionsDirectory() + ": " + e.getMessage());
        }
        done.addAll(PostgresAsRoot.sweep(settings.sessionsDirectory()));
        // class data sharing archives half-written by sessions that are gone (see ProcessLabSession)
        Path cache = settings.dataDirectory().resolve("labs").resolve("cache");
        if (Files.isDirectory(cache)) {
            try (Stream<Path> entries = Files.list(cache)) {
                for (Path entry : entries.toList()) {
                    String name = entry.getFileName().toString();
                    String[] parts = name.split("\\.");
                    if (name.endsWith(".writing") && parts.length == 3
                            && !Files.exists(SessionRecords.pidFile(settings.sessionsDirectory(), parts[1]))) {
                        Files.deleteIfExists(entry);
                        done.add("deleted unfinished archive " + entry);
                    }
                }
            } catch (IOException e) {
                done.add("cannot clean " + cache + ": " + e.getMessage());
            }
        }
        return done;
    }

    /** What the clean-up at construction did, one line per process stopped or folder deleted. */
    public List<String> sweptLeftovers() {
        return sweptLeftovers;
    }

    @Override
    public String name() {
        return "process";
    }

    @Override
    public Set<ComponentKind> availableComponents() {
        Set<ComponentKind> available = EnumSet.noneOf(ComponentKind.class);
        if (Files.isExecutable(settings.prometheus())) {
            available.add(ComponentKind.PROMETHEUS);
        }
        if (Files.isExecutable(settings.alertmanager())) {
            available.add(ComponentKind.ALERTMANAGER);
        }
        if (Files.isExecutable(settings.nodeExporter())) {
            available.add(ComponentKind.NODE_EXPORTER);
        }
        if (Files.isExecutable(settings.blackboxExporter())) {
            available.add(ComponentKind.BLACKBOX_EXPORTER);
        }
        if (Files.isExecutable(Path.of(ComponentRecipe.Binaries.POSTGRES_BIN, "initdb"))
                && Files.isExecutable(Path.of(ComponentRecipe.Binaries.POSTGRES_BIN, "postgres"))
                && (!"root".equals(System.getProperty("user.name")) || PostgresAsRoot.userExists())) {
            available.add(ComponentKind.POSTGRES);
        }
        if (Files.isExecutable(Path.of(ComponentRecipe.Binaries.POSTGRES_EXPORTER))) {
            available.add(ComponentKind.POSTGRES_EXPORTER);
        }
        boolean java = Files.isExecutable(settings.java());
        if (java && settings.zipkinJar() != null && Files.isRegularFile(settings.zipkinJar())) {
            available.add(ComponentKind.ZIPKIN);
        }
        if (java && sampleServicePresent()) {
            available.add(ComponentKind.SAMPLE_SERVICE);
        }
        return available;
    }

    private static boolean sampleServicePresent() {
        try {
            Class.forName(SAMPLE_SERVICE_CLASS, false, ProcessLabRuntime.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    public LabSession start(LabFolder lab, LabProgressListener listener) {
        if (closed) {
            throw new LabStartException("the process runtime is closed");
        }
        List<String> missing = missingComponents(lab.definition());
        if (!missing.isEmpty()) {
            throw new LabStartException("lab " + lab.definition().id() + " needs " + String.join(", ", missing)
                    + ", which the process runtime cannot start here (binary or jar not found)");
        }
        String id = lab.definition().id() + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        ProcessLabSession session = new ProcessLabSession(id, lab, settings, listener, sessions::remove);
        synchronized (sessions) {
            if (sessions.size() >= settings.maxSessions()) {
                throw new LabCapacityException(settings.maxSessions());
            }
            sessions.add(session);
        }
        Timer.Sample sample = Timer.start(registry);
        try {
            session.start();
            session.expireAt(timeLimits.schedule(
                    session::expire, lab.definition().timeLimit().toMillis(), TimeUnit.MILLISECONDS));
            sample.stop(startTimer(lab, "ready"));
            return session;
        } catch (RuntimeException e) {
            session.stop();
            sample.stop(startTimer(lab, "failed"));
            throw e;
        }
    }

    private Timer startTimer(LabFolder lab, String outcome) {
        return Timer.builder("ladder.labs.start.duration")
                .description("Time from a lab session's start to every component ready")
                .tag("lab", lab.definition().id())
                .tag("runtime", "process")
                .tag("outcome", outcome)
                .register(registry);
    }

    @Override
    public List<LabSession> activeSessions() {
        return List.copyOf(sessions);
    }

    /** Every process of every active session, with descendants (for tests and diagnostics). */
    public List<ProcessHandle> processes() {
        return sessions.stream().flatMap(session -> session.processHandles().stream()).toList();
    }

    private void stopAll() {
        List.copyOf(sessions).parallelStream().forEach(ProcessLabSession::stop);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopAll();
        timeLimits.shutdownNow();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down and runs the hook itself
        }
    }

    /** Refused because the cap on sessions at once is reached. */
    public static final class LabCapacityException extends LabStartException {
        public LabCapacityException(int max) {
            super("already " + max + " lab sessions running, the most allowed at once; stop one and try again");
        }
    }
}
