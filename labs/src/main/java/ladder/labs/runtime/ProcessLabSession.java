package ladder.labs.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        try {
            Process process = builder.start();
            processes.put(component.name(), process);
            SessionRecords.append(pidFile, process.pid(), component.name());
        } catch (IOException e) {
            throw new LabStartException("cannot start " + component.name() + " (" + command.getFirst() + "): " + e.getMessage(), e);
        }
    }

    /** The fixed command line of a component: only the paths of this session and its port vary. */
    private List<String> command(ComponentSpec component) {
        int port = ports.get(component.name());
        String listen = "127.0.0.1:" + port;
        Path data = dataDirectory(component);
        List<String> command = new ArrayList<>();
        switch (component.kind()) {
            case PROMETHEUS -> command.addAll(List.of(
                    settings.prometheus().toString(),
                    "--config.file=" + renderedFile(component.config()),
                    "--web.listen-address=" + listen,
                    "--storage.tsdb.path=" + data,
                    "--web.enable-lifecycle",
                    "--rules.alert.resend-delay=5s"));
            case ALERTMANAGER -> command.addAll(List.of(
                    settings.alertmanager().toString(),
                    "--config.file=" + renderedFile(component.config()),
                    "--web.listen-address=" + listen,
                    "--cluster.listen-address=",
                    "--storage.path=" + data));
            case NODE_EXPORTER -> command.addAll(List.of(
                    settings.nodeExporter().toString(),
                    "--web.listen-address=" + listen,
                    "--no-collector.systemd",
                    "--collector.textfile.directory=" + data));
            case ZIPKIN -> command.addAll(concat(List.of(
                    settings.java().toString(),
                    "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                    "-Dladder.lab.session=" + directory),
                    classDataSharing(component),
                    List.of("-jar", String.valueOf(settings.zipkinJar()),
                    "--armeria.ports[0].port=" + port,
                    "--armeria.ports[0].ip=127.0.0.1",
                    "--armeria.ports[0].protocols[0]=http")));
            case SAMPLE_SERVICE -> {
                command.addAll(List.of(
                        settings.java().toString(),
                        "-Xms16m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                        "-Dladder.lab.session=" + directory,
                        "-cp", settings.sampleClasspath(),
                        ProcessLabRuntime.SAMPLE_SERVICE_CLASS,
                        "--port", Integer.toString(port),
                        "--name", component.name()));
                if (component.zipkin() != null) {
                    command.addAll(List.of("--zipkin-url", url(component.zipkin())));
                }
                for (String downstream : component.downstream()) {
                    command.addAll(List.of("--downstream-url", url(downstream)));
                }
            }
        }
        if (settings.uiBasePath() != null
                && (component.kind() == ComponentKind.PROMETHEUS || component.kind() == ComponentKind.ALERTMANAGER)) {
            // links in their UIs carry the proxy's path; they still serve at / on loopback, where the checks look
            command.add("--web.external-url=http://localhost" + settings.uiBasePath() + id + "/ui/" + component.name() + "/");
            command.add("--web.route-prefix=/");
        }
        if (settings.uiBasePath() != null && component.kind() == ComponentKind.ZIPKIN) {
            // Zipkin's UI lives at /zipkin/; its <base href> must carry the proxy's path
            command.add("--zipkin.ui.basepath=" + settings.uiBasePath() + id + "/ui/" + component.name() + "/zipkin");
        }
        return command;
    }

    private static List<String> concat(List<String> first, List<String> second, List<String> third) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        all.addAll(third);
        return all;
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

    private static String readinessPath(ComponentKind kind) {
        return switch (kind) {
            case PROMETHEUS, ALERTMANAGER -> "/-/ready";
            case NODE_EXPORTER -> "/metrics";
            case ZIPKIN, SAMPLE_SERVICE -> "/health";
        };
    }

    private void awaitReady(Map<String, Instant> launched) {
        Instant giveUp = Instant.now().plus(settings.readyTimeout());
        List<ComponentSpec> waiting = new ArrayList<>(lab.definition().components());
        while (!waiting.isEmpty()) {
            if (stopped) {
                throw new LabStartException("the session was stopped while starting");
            }
            for (ComponentSpec component : List.copyOf(waiting)) {
                Process process = processes.get(component.name());
                if (process == null || !process.isAlive()) {
                    String exit = process == null ? "" : " with code " + process.exitValue();
                    throw failed(component, component.name() + " exited" + exit + " before it was ready");
                }
                if (answers(url(component.name()) + readinessPath(component.kind()))) {
                    Duration took = Duration.between(launched.get(component.name()), Instant.now());
                    readyTimes.put(component.name(), took);
                    waiting.remove(component);
                    progress(component.name(), LabProgress.Step.READY,
                            component.name() + " ready after " + took.toMillis() + " ms");
                }
            }
            if (waiting.isEmpty()) {
                break;
            }
            if (Instant.now().isAfter(giveUp)) {
                ComponentSpec first = waiting.getFirst();
                throw failed(first, first.name() + " did not become ready within " + settings.readyTimeout().toSeconds()
                        + " s (polled " + url(first.name()) + readinessPath(first.kind()) + ")");
            }
            sleep(Duration.ofMillis(100));
        }
    }

    private LabStartException failed(ComponentSpec component, String what) {
        progress(component.name(), LabProgress.Step.FAILED, what);
        return new LabStartException(what + "; last lines of its log (" + logFile(component.name()) + "):\n"
                + logTail(component.name()));
    }

    private boolean answers(String url) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(1)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabStartException("interrupted while waiting for the components", e);
        }
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
        List<String> command = switch (tool) {
            case PROMETHEUS_CONFIG -> List.of(settings.promtool().toString(), "check", "config", file.toString());
            case PROMETHEUS_RULES -> List.of(settings.promtool().toString(), "check", "rules", file.toString());
            case ALERTMANAGER_CONFIG -> List.of(settings.amtool().toString(), "check-config", file.toString());
        };
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
        // rendered first in any case: components without a config file (the sample service) watch their files
        String renderProblem = render();
        if (renderProblem != null) {
            return new ApplyResult(false, List.of(), renderProblem);
        }
        List<ToolResult> validations = new ArrayList<>();
        for (ComponentSpec component : lab.definition().components()) {
            if (component.config() == null) {
                continue;
            }
            ToolResult result = validate(component.config(), component.kind() == ComponentKind.ALERTMANAGER
                    ? CheckType.ConfigTool.ALERTMANAGER_CONFIG
                    : CheckType.ConfigTool.PROMETHEUS_CONFIG);
            validations.add(result);
            if (!result.valid()) {
                return new ApplyResult(false, validations, component.config() + " is not valid; " + component.name()
                        + " keeps its previous configuration. " + result.command() + " says:\n" + result.output());
            }
        }
        List<String> reloaded = new ArrayList<>();
        for (ComponentSpec component : lab.definition().components()) {
            if (component.config() == null) {
                continue;
            }
            String url = url(component.name()) + "/-/reload";
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                                .POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    return new ApplyResult(false, validations, component.name() + " refused to reload (status "
                            + response.statusCode() + "): " + response.body().strip());
                }
                reloaded.add(component.name());
            } catch (IOException e) {
                return new ApplyResult(false, validations, component.name() + " did not answer " + url + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new ApplyResult(false, validations, "interrupted");
            }
        }
        String message = reloaded.isEmpty() ? "workspace rendered, nothing to reload" : String.join(", ", reloaded) + " reloaded";
        progress("", LabProgress.Step.RELOADED, message);
        return new ApplyResult(true, validations, message);
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
            running = false; // only now: a session that says it is not running has no process left
        }
        if (!settings.keepSessionFolders()) {
            SessionRecords.deleteTree(directory);
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // swept at the next start: every process is already gone
        }
        progress("", LabProgress.Step.STOPPED, "stopped");
        onStopped.accept(this);
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

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabStartException("interrupted while waiting for the components", e);
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
        return directory.resolve("data").resolve(component.name());
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
