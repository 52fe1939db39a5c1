package ladder.labs.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import ladder.labs.catalog.LabFolder;
import ladder.model.lab.CheckType;
import ladder.model.lab.ComponentKind;
import ladder.model.lab.ComponentSpec;
import ladder.model.lab.LabDefinition;
import org.jspecify.annotations.Nullable;

/**
 * One lab session of the {@link ProcessLabRuntime}: a folder ({@code workspace/}, {@code rendered/},
 * {@code data/<component>/}, {@code logs/<component>.log}) and one native process per component.
 */
final class ProcessLabSession implements LabSession {

    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 15;

    private final String id;
    private final LabFolder lab;
    private final ProcessRuntimeSettings settings;
    private final LabProgressListener listener;
    private final Consumer<ProcessLabSession> onStopped;
    private final Path directory;
    private final Path pidFile;
    private final Instant begun = Instant.now();
    private final Instant deadline;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Duration> readyTimes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Object renderLock = new Object();
    private final Map<String, Map.Entry<Path, Path>> pendingArchives = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean stopped;
    private @Nullable ScheduledFuture<?> expiry;
    private final String componentPassword = SessionSecrets.newPassword();

    ProcessLabSession(String id, LabFolder lab, ProcessRuntimeSettings settings, LabProgressListener listener,
            Consumer<ProcessLabSession> onStopped) {
        this.id = id;
        this.lab = lab;
        this.settings = settings;
        this.listener = listener;
        this.onStopped = onStopped;
        this.directory = settings.sessionsDirectory().resolve(id);
        this.pidFile = SessionRecords.pidFile(settings.sessionsDirectory(), id);
        this.deadline = begun.plus(lab.definition().timeLimit());
    }

    /** Prepares the folder, starts every component and waits until all are ready. */
    void start() {
        progress("", LabProgress.Step.PREPARING, "preparing the workspace of " + lab.definition().id());
        try {
            SessionRecords.create(pidFile); // first, so that a crash from here on is swept
            Files.createDirectories(workspace());
            Files.createDirectories(rendered());
            Files.createDirectories(directory.resolve("logs"));
            LabWorkspace.copyInto(lab.files(), workspace());
            for (ComponentSpec component : lab.definition().components()) {
                ports.put(component.name(), FreePorts.next());
                Files.createDirectories(dataDirectory(component));
                if (component.kind() == ComponentKind.POSTGRES && runsAsRoot()) {
                    PostgresAsRoot.prepare(dataDirectory(component));
                }
            }
            LabWorkspace.render(workspace(), rendered(), ports);
        } catch (IOException e) {
            throw new LabStartException("cannot prepare the session folder " + directory + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new LabStartException("cannot prepare the workspace: " + e.getMessage(), e);
        }
        running = true;
        Map<String, Instant> launched = new LinkedHashMap<>();
        for (ComponentSpec component : lab.definition().components()) {
            progress(component.name(), LabProgress.Step.STARTING,
                    "starting " + component.name() + " on 127.0.0.1:" + ports.get(component.name()));
            launched.put(component.name(), Instant.now());
            launch(component);
        }
        awaitReady(launched);
        progress("", LabProgress.Step.READY, "every component is ready");
    }

    private void launch(ComponentSpec component) {
        List<String> command = command(component);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(rendered().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(component.name()).toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("LADDER_") || name.startsWith("JAVA_TOOL"));
        if (component.kind() == ComponentKind.ZIPKIN) {
            builder.environment().put("QUERY_PORT", Integer.toString(ports.get(component.name())));
        }
        builder.environment().putAll(ComponentRecipe.of(component.kind()).environment(launch(component, List.of())));
        try {
            Process process = builder.start();
            processes.put(component.name(), process);
            SessionRecords.append(pidFile, process.pid(), component.name());
        } catch (IOException e) {
            throw new LabStartException("cannot start " + component.name() + " (" + command.getFirst() + "): " + e.getMessage(), e);
        }
    }

    /** The fixed command line of a component (see {@link ComponentRecipe}): only this session's paths and ports vary. */
    private List<String> command(ComponentSpec component) {
        List<String> jvmOptions = new ArrayList<>();
        ComponentRecipe recipe = ComponentRecipe.of(component.kind());
        if (recipe.java()) {
            jvmOptions.add("-Dladder.lab.session=" + directory); // lets the sweep recognise this session's processes
        }
        if (component.kind() == ComponentKind.ZIPKIN) {
            jvmOptions.addAll(classDataSharing(component));
        }
        if (component.kind() == ComponentKind.POSTGRES) {
            jvmOptions.add("ladder.lab.session=" + directory); // trailing arguments its script ignores: for the sweep
        }
        return recipe.command(launch(component, jvmOptions));
    }

    private ComponentRecipe.Launch launch(ComponentSpec component, List<String> jvmOptions) {
        String database = lab.definition().components().stream().filter(other -> other.kind() == ComponentKind.POSTGRES)
                .map(other -> "127.0.0.1:" + ports.get(other.name())).findFirst().orElse(null);
        return new ComponentRecipe.Launch(component,
                ports.get(component.name()), "127.0.0.1",
                component.config() == null ? null : renderedFile(component.config()).toString(),
                dataDirectory(component).toString(), settings.binaries(), this::url, jvmOptions,
                settings.uiBasePath() == null ? null : settings.uiBasePath() + id + "/ui/" + component.name() + "/",
                database, componentPassword,
                component.kind() == ComponentKind.POSTGRES && runsAsRoot() ? PostgresAsRoot.USER : null);
    }

    private static boolean runsAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * Zipkin starts in about half the time with a class data sharing archive. The first session
     * writes one at exit into a file of its own, moved into place only after a clean exit, so a
     * session never reads a half-written archive; the JVM ignores an archive that does not fit.
     */
    private List<String> classDataSharing(ComponentSpec component) {
        Path jar = settings.zipkinJar();
        if (jar == null) {
            return List.of();
        }
        try {
            String key = Integer.toHexString((settings.java().toRealPath() + "|" + jar.toRealPath() + "|"
                    + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis()).hashCode());
            Path cache = Files.createDirectories(settings.dataDirectory().resolve("labs").resolve("cache"));
            Path archive = cache.resolve("zipkin-" + key + ".jsa");
            if (Files.isRegularFile(archive)) {
                return List.of("-XX:SharedArchiveFile=" + archive, "-XX:+VerifySharedSpaces", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
            }
            Path writing = cache.resolve("zipkin-" + key + "." + id + ".writing");
            pendingArchives.put(component.name(), Map.entry(writing, archive));
            return List.of("-XX:ArchiveClassesAtExit=" + writing, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        } catch (IOException e) {
            return List.of(); // no cache folder: start without the archive
        }
    }

    /** After a component stopped: keep the archive it wrote if it exited cleanly, else drop it. */
    private void settleArchive(String component, boolean graceful) {
        Map.Entry<Path, Path> pending = pendingArchives.remove(component);
        if (pending == null) {
            return;
        }
        try {
            if (graceful && Files.isRegularFile(pending.getKey()) && Files.size(pending.getKey()) > 0) {
                Files.move(pending.getKey(), pending.getValue(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(pending.getKey());
            }
        } catch (IOException e) {
            // a cache: the next session writes another
        }
    }

    private void awaitReady(Map<String, Instant> launched) {
        new ReadinessWait(http, componentPassword, this::url, (component, round) -> {
            Process process = processes.get(component.name());
            if (process != null && process.isAlive()) {
                return Optional.empty();
            }
            return Optional.of(process == null ? "exited" : "exited with code " + process.exitValue());
        }, () -> stopped, this::failed).await(lab.definition().components(), launched, settings.readyTimeout(), (component, took) -> {
            readyTimes.put(component.name(), took);
            progress(component.name(), LabProgress.Step.READY, component.name() + " ready after " + took.toMillis() + " ms");
        });
    }

    private LabStartException failed(ComponentSpec component, String what) {
        progress(component.name(), LabProgress.Step.FAILED, what);
        return new LabStartException(what + "; last lines of its log (" + logFile(component.name()) + "):\n"
                + logTail(component.name()));
    }

    private boolean answers(String url) {
        return ComponentReload.answers(http, url);
    }

    /** The last lines a component wrote, for error messages. */
    String logTail(String component) {
        try {
            List<String> lines = Files.readAllLines(logFile(component), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public ToolResult validate(String relative, CheckType.ConfigTool tool) {
        Path workspaceFile = workspaceFile(relative);
        if (!Files.isRegularFile(workspaceFile)) {
            return new ToolResult("(none)", 1, relative + " does not exist in the workspace");
        }
        String renderProblem = render();
        if (renderProblem != null) {
            return new ToolResult("(render)", 1, renderProblem);
        }
        Path file = renderedFile(relative);
        List<String> command = ComponentRecipe.validatorCommand(tool, settings.binaries(), file.toString());
        String shown = String.join(" ", command).replace(rendered() + "/", "");
        try {
            Process process = new ProcessBuilder(command).directory(rendered().toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                ProcessTrees.stop(process.toHandle());
                return new ToolResult(shown, 1, "did not finish within " + TOOL_TIMEOUT.toSeconds() + " s");
            }
            String text = new String(output, StandardCharsets.UTF_8).replace(rendered() + "/", "").strip();
            return new ToolResult(shown, process.exitValue(), text);
        } catch (IOException e) {
            return new ToolResult(shown, 1, "cannot run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ToolResult(shown, 1, "interrupted");
        }
    }

    /** Renders the workspace; checks may validate at the same time, so one render at a time. */
    private @Nullable String render() {
        synchronized (renderLock) {
            try {
                LabWorkspace.render(workspace(), rendered(), ports);
                return null;
            } catch (IOException | IllegalArgumentException e) {
                return "cannot render the workspace: " + e.getMessage();
            }
        }
    }

    @Override
    public ApplyResult apply(Path overlay) {
        try {
            LabWorkspace.copyInto(overlay, workspace());
        } catch (IOException | WorkspacePaths.UnsafePathException e) {
            return new ApplyResult(false, List.of(), "cannot copy the files: " + e.getMessage());
        }
        return reload();
    }

    @Override
    public void writeFile(String relative, String content) {
        Path file = workspaceFile(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative, e);
        }
    }

    @Override
    public synchronized ApplyResult reload() {
        if (!running || stopped) {
            return new ApplyResult(false, List.of(), "the session is not running");
        }
        progress("", LabProgress.Step.APPLYING, "validating the workspace");
        return ComponentReload.apply(lab.definition(), this::render, this::validate, this::url, http,
                message -> progress("", LabProgress.Step.RELOADED, message));
    }

    void expireAt(ScheduledFuture<?> expiry) {
        this.expiry = expiry;
    }

    /** Called when the time limit is reached. */
    void expire() {
        progress("", LabProgress.Step.STOPPING, "time limit of " + lab.definition().timeLimit().toMinutes() + " min reached");
        stop();
    }

    @Override
    public void stop() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        progress("", LabProgress.Step.STOPPING, "stopping " + processes.size() + " processes");
        if (expiry != null) {
            expiry.cancel(false);
        }
        List<Map.Entry<String, Process>> all;
        synchronized (processes) {
            all = new ArrayList<>(processes.entrySet());
        }
        Collections.reverse(all);
        try {
            all.parallelStream().forEach(entry -> settleArchive(entry.getKey(), ProcessTrees.stop(entry.getValue().toHandle())));
        } finally {
            onStopped.accept(this); // out of the runtime's active sessions before it says it is not running
            running = false; // only now: a session that says it is not running has no process left
        }
        if (!settings.keepSessionFolders()) {
            SessionRecords.deleteTree(directory);
            if (runsAsRoot()) {
                Path session = PostgresAsRoot.dataDirectory(settings.sessionsDirectory(), id, "-").getParent();
                SessionRecords.deleteTree(session);
                try {
                    Files.deleteIfExists(session.getParent()); // the sessions folder's, once its last session is gone
                } catch (IOException e) {
                    // another session of the same folder still has its data there
                }
            }
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // swept at the next start: every process is already gone
        }
        progress("", LabProgress.Step.STOPPED, "stopped");
    }

    /** Pids of the running processes and their descendants, for tests and diagnostics. */
    List<ProcessHandle> processHandles() {
        List<ProcessHandle> handles = new ArrayList<>();
        synchronized (processes) {
            for (Process process : processes.values()) {
                handles.add(process.toHandle());
                handles.addAll(process.descendants().toList());
            }
        }
        return handles;
    }

    private void progress(String component, LabProgress.Step step, String message) {
        try {
            listener.onProgress(new LabProgress(id, component, step, message, Duration.between(begun, Instant.now())));
        } catch (RuntimeException e) {
            // a listener's failure must not leave processes running
        }
    }


    Path directory() {
        return directory;
    }

    private Path rendered() {
        return directory.resolve("rendered");
    }

    private Path renderedFile(@Nullable String relative) {
        if (relative == null) {
            throw new IllegalStateException("component without configuration file");
        }
        WorkspacePaths.resolve(workspace(), relative);
        return rendered().resolve(relative).normalize();
    }

    private Path dataDirectory(ComponentSpec component) {
        if (component.kind() == ComponentKind.POSTGRES && runsAsRoot()) {
            return PostgresAsRoot.dataDirectory(settings.sessionsDirectory(), id, component.name());
        }
        return directory.resolve("data").resolve(component.name());
    }

    @Override
    public String componentPassword() {
        return componentPassword;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public LabDefinition definition() {
        return lab.definition();
    }

    @Override
    public Path workspace() {
        return directory.resolve("workspace");
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    @Override
    public Map<String, Integer> ports() {
        return Collections.unmodifiableMap(ports);
    }

    @Override
    public Map<String, Duration> readyTimes() {
        synchronized (readyTimes) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(readyTimes));
        }
    }

    @Override
    public Path logFile(String component) {
        if (!ports.containsKey(component)) {
            throw new IllegalArgumentException("no component '" + component + "' in lab " + lab.definition().id());
        }
        return directory.resolve("logs").resolve(component + ".log");
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
