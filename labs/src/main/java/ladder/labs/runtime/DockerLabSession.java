package ladder.labs.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import ladder.labs.catalog.LabFolder;
import ladder.model.lab.CheckType;
import ladder.model.lab.ComponentKind;
import ladder.model.lab.ComponentSpec;
import ladder.model.lab.LabDefinition;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * One lab session of the {@link DockerLabRuntime}: a host folder ({@code workspace/}, {@code rendered/},
 * {@code logs/<component>.log}), a network, a sandbox container holding the session's network namespace and
 * published ports (none with {@link DockerRuntimeSettings#attachTo()}: Ladder's own container then joins the network
 * for the session's life), and one container per component in that namespace. The rendered workspace is copied into
 * every container at {@code /lab/workspace} (owned by root, so a component reads but cannot change it);
 * {@code promtool} and {@code amtool} run inside the Prometheus and Alertmanager containers.
 */
final class DockerLabSession implements LabSession {

    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_TAIL_LINES = 15;

    private final String id;
    private final LabFolder lab;
    private final DockerRuntimeSettings settings;
    private final DockerClient client;
    private final LabImages images;
    /** Where Ladder reaches the components: the lab host, or the sandbox's address on the session's network once attached. */
    private volatile String host;
    /** Ladder's own container while it is connected to the session's network ({@link DockerRuntimeSettings#attachTo()}). */
    private volatile @Nullable String attached;
    private final Map<String, String> labels;
    private final LabProgressListener listener;
    private final Consumer<DockerLabSession> onStopped;
    private final Path directory;
    private final Instant begun = Instant.now();
    private final Instant deadline;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    /** Container id by component name, the sandbox first. */
    private final Map<String, String> containers = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<Closeable> logStreams = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Duration> readyTimes = Collections.synchronizedMap(new LinkedHashMap<>());
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Object renderLock = new Object();
    private @Nullable String networkId;
    private volatile boolean running;
    private volatile boolean stopped;
    private @Nullable ScheduledFuture<?> expiry;
    private final String componentPassword = SessionSecrets.newPassword();

    /**
     * @param host the lab host's address ({@link LabHostAddress}): ports are published there and Ladder reaches the
     *             components there; unused with {@link DockerRuntimeSettings#attachTo()}, where the session publishes
     *             nothing and Ladder reaches the components at the sandbox's address on the session's network
     */
    DockerLabSession(String id, LabFolder lab, DockerRuntimeSettings settings, DockerClient client, LabImages images,
                     String host, String owner, LabProgressListener listener, Consumer<DockerLabSession> onStopped) {
        this.id = id;
        this.host = host;
        this.lab = lab;
        this.settings = settings;
        this.client = client;
        this.images = images;
        this.labels = DockerLabels.of(id, owner);
        this.listener = listener;
        this.onStopped = onStopped;
        this.directory = settings.sessionsDirectory().resolve(id);
        this.deadline = begun.plus(lab.definition().timeLimit());
    }

    /** Prepares the folder and the images, starts every container and waits until every component is ready. */
    void start() {
        progress("", LabProgress.Step.PREPARING, "preparing the workspace of " + lab.definition().id());
        try {
            Files.createDirectories(workspace());
            Files.createDirectories(rendered());
            Files.createDirectories(directory.resolve("logs"));
            LabWorkspace.copyInto(lab.files(), workspace());
            for (ComponentSpec component : lab.definition().components()) {
                ports.put(component.name(), FreePorts.next());
            }
            LabWorkspace.render(workspace(), rendered(), ports);
        } catch (IOException e) {
            throw new LabStartException("cannot prepare the session folder " + directory + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new LabStartException("cannot prepare the workspace: " + e.getMessage(), e);
        }
        Map<ComponentKind, String> imageOf = new LinkedHashMap<>();
        for (ComponentSpec component : lab.definition().components()) {
            imageOf.computeIfAbsent(component.kind(), kind -> images.ensure(kind, message -> progress(component.name(), LabProgress.Step.PREPARING, message)));
        }
        running = true;
        try {
            networkId = client.createNetworkCmd().withName(ContainerPlan.name(id, "net")).withDriver("bridge")
                    .withLabels(labels).exec().getId();
            String attachTo = settings.attachTo();
            ContainerPlan sandbox = ContainerPlan.sandbox(id, ContainerPlan.name(id, "net"), images.baseImage(),
                    List.copyOf(ports.values()), attachTo == null ? host : null, labels);
            String sandboxId = sandbox.create(client);
            containers.put(DockerLabels.SANDBOX, sandboxId);
            client.startContainerCmd(sandboxId).exec();
            if (attachTo != null) {
                attach(attachTo, sandboxId);
            }
            byte[] workspaceTar = renderedTar();
            Map<String, Instant> launched = new LinkedHashMap<>();
            for (ComponentSpec component : lab.definition().components()) {
                progress(component.name(), LabProgress.Step.STARTING, "starting " + component.name() + " in a container, "
                        + (attached == null ? "published on " : "reached on the session's network at ") + host + ":" + ports.get(component.name()));
                ComponentRecipe.Launch launch = launch(component);
                ContainerPlan plan = ContainerPlan.component(id, component, imageOf.get(component.kind()),
                        ComponentRecipe.of(component.kind()).command(launch), sandboxId, labels,
                        ComponentRecipe.of(component.kind()).environment(launch));
                String containerId = plan.create(client);
                containers.put(component.name(), containerId);
                copyInto(containerId, workspaceTar);
                launched.put(component.name(), Instant.now());
                client.startContainerCmd(containerId).exec();
                followLog(component.name(), containerId);
            }
            awaitReady(launched);
        } catch (DockerException e) {
            throw new LabStartException("the Docker engine refused: " + e.getMessage(), e);
        }
        progress("", LabProgress.Step.READY, "every component is ready");
    }

    /**
     * Connects Ladder's own container to the session's network and takes the sandbox's address there as the
     * components' host: every component listens on every interface of the sandbox's namespace.
     */
    private void attach(String container, String sandboxId) {
        String network = ContainerPlan.name(id, "net");
        try {
            client.connectToNetworkCmd().withNetworkId(Objects.requireNonNull(networkId)).withContainerId(container).exec();
        } catch (NotFoundException e) {
            throw new LabStartException("cannot join Ladder's container " + container + " (LADDER_LABS_DOCKER_ATTACH) to the"
                    + " session's network: " + e.getMessage(), e);
        }
        attached = container;
        var networks = client.inspectContainerCmd(sandboxId).exec().getNetworkSettings().getNetworks();
        var endpoint = networks == null ? null : networks.get(network);
        if (endpoint == null || endpoint.getIpAddress() == null || endpoint.getIpAddress().isBlank()) {
            throw new LabStartException("the session's sandbox has no address on its network " + network);
        }
        host = endpoint.getIpAddress();
        progress("", LabProgress.Step.PREPARING, "Ladder's container " + container + " joined the session's network "
                + network + "; the components are at " + host);
    }

    /** Disconnects Ladder's container from the session's network, so the network can be removed. */
    private void detach() {
        String container = attached;
        if (container == null || networkId == null) {
            return;
        }
        try {
            client.disconnectFromNetworkCmd().withNetworkId(networkId).withContainerId(container).withForce(true).exec();
        } catch (NotFoundException e) {
            // the network or the container is gone already
        } catch (DockerException e) {
            progress("", LabProgress.Step.STOPPING, "cannot disconnect " + container + " from network " + networkId
                    + " (the next start's sweep does): " + e.getMessage());
        }
        attached = null;
    }

    /** A component's start inside its container, for its kind's recipe. */
    private ComponentRecipe.Launch launch(ComponentSpec component) {
        String config = component.config() == null ? null : ContainerPlan.WORKSPACE + "/" + component.config();
        String database = lab.definition().components().stream().filter(other -> other.kind() == ComponentKind.POSTGRES)
                .map(other -> "127.0.0.1:" + ports.get(other.name())).findFirst().orElse(null);
        // every interface of the session's own network namespace: the published port reaches it there; the other
        // components are on that namespace's 127.0.0.1, whatever the lab host's address
        return new ComponentRecipe.Launch(component, ports.get(component.name()),
                "0.0.0.0", config, ContainerPlan.DATA, ComponentRecipe.Binaries.IN_IMAGES,
                name -> "http://127.0.0.1:" + ports.get(name), List.of(),
                settings.uiBasePath() == null ? null : settings.uiBasePath() + id + "/ui/" + component.name() + "/",
                database, componentPassword, null); // the images run as the unprivileged user lab
    }

    private void followLog(String component, String containerId) {
        try {
            OutputStream out = Files.newOutputStream(logFile(component), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ResultCallback.Adapter<Frame> callback = client.logContainerCmd(containerId)
                    .withStdOut(true).withStdErr(true).withFollowStream(true)
                    .exec(new ResultCallback.Adapter<>() {
                        @Override
                        public void onNext(Frame frame) {
                            try {
                                out.write(frame.getPayload());
                                out.flush();
                            } catch (IOException e) {
                                // the session is stopping and closed the file
                            }
                        }

                        @Override
                        public void close() throws IOException {
                            super.close();
                            out.close();
                        }
                    });
            logStreams.add(callback);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log of " + component, e);
        }
    }

    private void awaitReady(Map<String, Instant> launched) {
        new ReadinessWait(http, componentPassword, this::url, (component, round) -> {
            if (round % 10 != 9) { // the engine is asked now and then, the probe every round
                return Optional.empty();
            }
            InspectContainerResponse.ContainerState state = client.inspectContainerCmd(containers.get(component.name())).exec().getState();
            return Boolean.TRUE.equals(state.getRunning()) ? Optional.empty()
                    : Optional.of("exited with code " + state.getExitCodeLong());
        }, () -> stopped, this::failed).await(lab.definition().components(), launched, settings.readyTimeout(), (component, took) -> {
            readyTimes.put(component.name(), took);
            progress(component.name(), LabProgress.Step.READY, component.name() + " ready after " + took.toMillis() + " ms");
        });
    }

    private LabStartException failed(ComponentSpec component, String what) {
        progress(component.name(), LabProgress.Step.FAILED, what);
        return new LabStartException(what + "; last lines of its log (" + logFile(component.name()) + "):\n" + logTail(component.name()));
    }

    private boolean answers(String url) {
        return ComponentReload.answers(http, url);
    }

    String logTail(String component) {
        try {
            List<String> lines = Files.readAllLines(logFile(component), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The rendered workspace as a tar for {@code /lab/workspace}: root's files, readable by the component. */
    private byte[] renderedTar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes); Stream<Path> walk = Files.walk(rendered())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path path : walk.sorted().toList()) {
                if (path.equals(rendered())) {
                    continue;
                }
                String name = rendered().relativize(path).toString().replace('\\', '/');
                if (Files.isDirectory(path)) {
                    TarArchiveEntry entry = new TarArchiveEntry(name + "/");
                    entry.setMode(040755);
                    tar.putArchiveEntry(entry);
                } else if (Files.isRegularFile(path)) {
                    TarArchiveEntry entry = new TarArchiveEntry(name);
                    entry.setMode(0100644);
                    entry.setSize(Files.size(path));
                    tar.putArchiveEntry(entry);
                    Files.copy(path, tar);
                } else {
                    continue;
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack the workspace", e);
        }
        return bytes.toByteArray();
    }

    private void copyInto(String containerId, byte[] tar) {
        client.copyArchiveToContainerCmd(containerId).withRemotePath(ContainerPlan.WORKSPACE)
                .withTarInputStream(new ByteArrayInputStream(tar)).exec();
    }

    /** Renders the workspace and copies it into every component's container. */
    private @Nullable String renderAndCopy() {
        synchronized (renderLock) {
            try {
                LabWorkspace.render(workspace(), rendered(), ports);
                byte[] tar = renderedTar();
                for (Map.Entry<String, String> container : List.copyOf(containers.entrySet())) {
                    if (!container.getKey().equals(DockerLabels.SANDBOX)) {
                        copyInto(container.getValue(), tar);
                    }
                }
                return null;
            } catch (IOException | IllegalArgumentException e) {
                return "cannot render the workspace: " + e.getMessage();
            } catch (DockerException | UncheckedIOException e) {
                return "cannot copy the workspace into the containers: " + e.getMessage();
            }
        }
    }

    @Override
    public ToolResult validate(String relative, CheckType.ConfigTool tool) {
        Path workspaceFile = workspaceFile(relative);
        if (!Files.isRegularFile(workspaceFile)) {
            return new ToolResult("(none)", 1, relative + " does not exist in the workspace");
        }
        ComponentKind home = tool == CheckType.ConfigTool.ALERTMANAGER_CONFIG ? ComponentKind.ALERTMANAGER : ComponentKind.PROMETHEUS;
        String containerId = lab.definition().components().stream()
                .filter(component -> component.kind() == home)
                .map(component -> containers.get(component.name()))
                .filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
        List<String> command = ComponentRecipe.validatorCommand(tool, ComponentRecipe.Binaries.IN_IMAGES, relative);
        String shown = String.join(" ", command).replace("/usr/bin/", "");
        if (containerId == null) {
            return new ToolResult(shown, 1, "this lab has no " + home.yamlName() + " container to run " + command.getFirst() + " in");
        }
        String renderProblem = renderAndCopy();
        if (renderProblem != null) {
            return new ToolResult("(render)", 1, renderProblem);
        }
        try {
            String exec = client.execCreateCmd(containerId).withCmd(command.toArray(String[]::new))
                    .withWorkingDir(ContainerPlan.WORKSPACE).withAttachStdout(true).withAttachStderr(true).exec().getId();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            boolean finished = client.execStartCmd(exec).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    output.writeBytes(frame.getPayload());
                }
            }).awaitCompletion(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                return new ToolResult(shown, 1, "did not finish within " + TOOL_TIMEOUT.toSeconds() + " s");
            }
            Long exit = client.inspectExecCmd(exec).exec().getExitCodeLong();
            String text = output.toString(StandardCharsets.UTF_8).replace(ContainerPlan.WORKSPACE + "/", "").strip();
            return new ToolResult(shown, exit == null ? 1 : exit.intValue(), text);
        } catch (DockerException e) {
            return new ToolResult(shown, 1, "cannot run in the container: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ToolResult(shown, 1, "interrupted");
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
        return ComponentReload.apply(lab.definition(), this::renderAndCopy, this::validate, this::url, http,
                message -> progress("", LabProgress.Step.RELOADED, message));
    }

    void expireAt(ScheduledFuture<?> expiry) {
        this.expiry = expiry;
    }

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
        progress("", LabProgress.Step.STOPPING, "removing " + containers.size() + " containers");
        if (expiry != null) {
            expiry.cancel(false);
        }
        try {
            List<Map.Entry<String, String>> all;
            synchronized (containers) {
                all = new ArrayList<>(containers.entrySet());
            }
            // the components first, in parallel, then the sandbox whose namespace they share
            all.stream().filter(entry -> !entry.getKey().equals(DockerLabels.SANDBOX)).toList()
                    .parallelStream().forEach(entry -> remove(entry.getValue()));
            all.stream().filter(entry -> entry.getKey().equals(DockerLabels.SANDBOX)).forEach(entry -> remove(entry.getValue()));
            for (Closeable stream : List.copyOf(logStreams)) {
                try {
                    stream.close();
                } catch (IOException e) {
                    // the container is gone, its stream ends anyway
                }
            }
            detach();
            if (networkId != null) {
                try {
                    client.removeNetworkCmd(networkId).exec();
                } catch (NotFoundException e) {
                    // already gone
                } catch (DockerException e) {
                    progress("", LabProgress.Step.STOPPING, "cannot remove network " + networkId + " (swept at the next start): " + e.getMessage());
                }
            }
        } finally {
            onStopped.accept(this); // out of the runtime's active sessions before it says it is not running
            running = false;
        }
        SessionRecords.deleteTree(directory);
        progress("", LabProgress.Step.STOPPED, "stopped");
    }

    private void remove(String containerId) {
        try {
            client.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (DockerException e) {
            progress("", LabProgress.Step.STOPPING, "cannot remove container " + containerId + " (swept at the next start): " + e.getMessage());
        }
    }

    List<String> containerNames() {
        List<String> names = new ArrayList<>();
        synchronized (containers) {
            containers.keySet().forEach(component -> names.add(ContainerPlan.name(id, component)));
        }
        return names;
    }

    private void progress(String component, LabProgress.Step step, String message) {
        try {
            listener.onProgress(new LabProgress(id, component, step, message, Duration.between(begun, Instant.now())));
        } catch (RuntimeException e) {
            // a listener's failure must not leave containers running
        }
    }

    private Path rendered() {
        return directory.resolve("rendered");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public String componentPassword() {
        return componentPassword;
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
