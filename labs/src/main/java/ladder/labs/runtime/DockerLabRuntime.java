package ladder.labs.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import ladder.labs.catalog.LabFolder;
import ladder.model.lab.ComponentKind;
import org.testcontainers.DockerClientFactory;

/**
 * Starts each lab session in containers of a Docker engine, through Testcontainers' client (which finds the
 * engine from {@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH} or the local socket):
 * one network per session, one container per component from Ladder's own images ({@link LabImages}), created
 * as {@link ContainerPlan} says. At construction it removes what a crashed run left (by label, see
 * {@link DockerLabels}); on {@link #close()}, at a session's time limit and at JVM shutdown it removes every
 * container and network of its sessions. With {@link DockerRuntimeSettings#attachTo()} (Ladder itself in a container
 * of the same engine) no port is published: Ladder's container joins each session's network while it runs.
 *
 * <p>Meters, named as the process runtime's and told apart by the tag {@code runtime=docker}:
 * {@code ladder.labs.start.duration} (timer, tags lab, runtime and outcome) and
 * {@code ladder.labs.sessions.active} (gauge, tag runtime).
 */
public final class DockerLabRuntime implements LabRuntime {

    private final DockerRuntimeSettings settings;
    private final MeterRegistry registry;
    private final DockerClient client;
    private final LabImages images;
    private final String owner = DockerLabels.thisOwner();
    private final List<DockerLabSession> sessions = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timeLimits;
    private final Thread shutdownHook;
    private final List<String> sweptLeftovers;
    private final String labHost;
    private volatile boolean closed;
    private volatile Optional<String> baseMissing = Optional.empty();
    private volatile @org.jspecify.annotations.Nullable Instant baseCheckedAt;

    /**
     * @throws LabStartException when no Docker engine answers (see {@link #unavailableReason()})
     */
    public DockerLabRuntime(DockerRuntimeSettings settings, MeterRegistry registry) {
        Optional<String> unavailable = unavailableReason();
        if (unavailable.isPresent()) {
            throw new LabStartException("the docker runtime is not available: " + unavailable.get());
        }
        this.settings = settings;
        this.registry = registry;
        this.client = DockerClientFactory.instance().client();
        this.images = new LabImages(client, settings);
        if (settings.attachTo() != null) {
            requireRunning(client, settings.attachTo());
            this.labHost = "each session's own network, joined by container " + settings.attachTo();
        } else {
            this.labHost = settings.publishAddress() != null ? settings.publishAddress()
                    : LabHostAddress.of(DockerClientFactory.instance().getTransportConfig().getDockerHost());
        }
        try {
            Files.createDirectories(settings.sessionsDirectory());
        } catch (IOException e) {
            throw new LabStartException("cannot create the sessions folder " + settings.sessionsDirectory() + ": " + e.getMessage(), e);
        }
        this.sweptLeftovers = sweep();
        this.timeLimits = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "docker-lab-time-limits");
            thread.setDaemon(true);
            return thread;
        });
        Gauge.builder("ladder.labs.sessions.active", sessions, List::size).tag("runtime", "docker")
                .description("Lab sessions running").register(registry);
        this.shutdownHook = new Thread(this::stopAll, "docker-lab-sessions-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Why this runtime cannot run here, or empty when a Docker engine answers. Ryuk, Testcontainers' reaper,
     * must be off ({@code TESTCONTAINERS_RYUK_DISABLED=true}, as {@code ./ladder} sets it): its image cannot be
     * had offline, and this runtime sweeps its own containers.
     */
    public static Optional<String> unavailableReason() {
        if (!Boolean.parseBoolean(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
            return Optional.of("TESTCONTAINERS_RYUK_DISABLED is not true (./ladder and the tests set it; "
                    + "Ladder removes its containers itself, and Ryuk's image cannot be pulled offline)");
        }
        try {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.empty();
            }
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("no Docker engine answers: " + e.getMessage());
        }
        return Optional.of("no Docker engine answers (DOCKER_HOST, or /var/run/docker.sock; scripts/docker-engine.sh starts one)");
    }

    /** The container Ladder joins to each session's network must be a running container of this engine. */
    private static void requireRunning(DockerClient client, String container) {
        InspectContainerResponse inspected;
        try {
            inspected = client.inspectContainerCmd(container).exec();
        } catch (NotFoundException e) {
            throw new LabStartException("LADDER_LABS_DOCKER_ATTACH=" + container + ": no such container on the Docker engine "
                    + DockerClientFactory.instance().getTransportConfig().getDockerHost() + "; name the container Ladder runs in"
                    + " (its container_name in Compose), or unset it to publish the labs' ports instead", e);
        }
        if (inspected.getState() == null || !Boolean.TRUE.equals(inspected.getState().getRunning())) {
            throw new LabStartException("LADDER_LABS_DOCKER_ATTACH=" + container + ": that container is not running;"
                    + " name the container Ladder runs in");
        }
    }

    /** Removes the containers, then the networks, that the sweep's rule calls leftovers. */
    private List<String> sweep() {
        List<String> done = new ArrayList<>();
        String host = DockerLabels.host();
        Instant now = Instant.now();
        List<Container> containers = client.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(DockerLabels.LAB, "true")).exec();
        for (Container container : containers) {
            Instant created = Instant.ofEpochSecond(container.getCreated() == null ? 0 : container.getCreated());
            if (DockerLabels.isLeftover(container.getLabels(), created, host, now, DockerLabels::alive)) {
                removeContainer(container.getId());
                done.add("removed leftover container " + String.join(",", container.getNames()));
            }
        }
        for (Network network : client.listNetworksCmd().withFilter("label", List.of(DockerLabels.LAB + "=true")).exec()) {
            Instant created = network.getCreated() == null ? now : network.getCreated().toInstant();
            if (DockerLabels.isLeftover(network.getLabels(), created, host, now, DockerLabels::alive)) {
                try {
                    disconnectEveryone(network.getId());
                    client.removeNetworkCmd(network.getId()).exec();
                    done.add("removed leftover network " + network.getName());
                } catch (RuntimeException e) {
                    done.add("cannot remove network " + network.getName() + ": " + e.getMessage());
                }
            }
        }
        return done;
    }

    /**
     * Disconnects what is still attached to a leftover network (its lab containers are gone by now): a Ladder that
     * joined it ({@code LADDER_LABS_DOCKER_ATTACH}) and crashed stays connected across its restart, and a network
     * with an endpoint cannot be removed.
     */
    private void disconnectEveryone(String networkId) {
        Map<String, ?> attached = client.inspectNetworkCmd().withNetworkId(networkId).exec().getContainers();
        if (attached == null) {
            return;
        }
        for (String container : attached.keySet()) {
            try {
                client.disconnectFromNetworkCmd().withNetworkId(networkId).withContainerId(container).withForce(true).exec();
            } catch (NotFoundException e) {
                // gone already
            }
        }
    }

    void removeContainer(String id) {
        try {
            client.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException e) {
            // already gone
        }
    }

    /** The engine's address as Testcontainers reached it, e.g. {@code unix:///var/run/docker.sock} or {@code tcp://labhost:2376}. */
    public String engine() {
        return String.valueOf(DockerClientFactory.instance().getTransportConfig().getDockerHost());
    }

    /**
     * The lab host's address, where the sessions' ports are published and their components reached; with
     * {@code LADDER_LABS_DOCKER_ATTACH}, a sentence saying that each session's network is joined instead.
     */
    public String labHost() {
        return labHost;
    }

    /** What the clean-up at construction did, one line per container or network removed. */
    public List<String> sweptLeftovers() {
        return sweptLeftovers;
    }

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public Set<ComponentKind> availableComponents() {
        Set<ComponentKind> available = EnumSet.noneOf(ComponentKind.class);
        if (baseMissing().isPresent()) {
            return available;
        }
        for (ComponentKind kind : ComponentKind.values()) {
            if (images.unavailable(kind).isEmpty()) {
                available.add(kind);
            }
        }
        return available;
    }

    /** Why a kind cannot be started here, for the catalog; empty when it can. */
    @Override
    public Optional<String> whyNot(ComponentKind kind) {
        return baseMissing().or(() -> images.unavailable(kind));
    }

    /** Whether the base image is missing, asked of the engine once a minute at most (a failed pull may take a while). */
    private Optional<String> baseMissing() {
        Instant now = Instant.now();
        if (baseCheckedAt == null || baseCheckedAt.plusSeconds(60).isBefore(now) || baseMissing.isPresent() && baseCheckedAt.plusSeconds(5).isBefore(now)) {
            baseMissing = images.baseMissing();
            baseCheckedAt = now;
        }
        return baseMissing;
    }

    /**
     * Builds (or finds) the images a lab needs, ahead of its first session: a lab's first start otherwise
     * includes building them, about half a minute.
     *
     * @throws LabStartException naming the image that could not be built
     */
    public void prepareImages(ladder.model.lab.LabDefinition lab, LabProgressListener listener) {
        lab.components().stream().map(component -> component.kind()).distinct().forEach(kind -> images.ensure(kind,
                message -> listener.onProgress(new LabProgress("", kind.yamlName(), LabProgress.Step.PREPARING, message,
                        java.time.Duration.ZERO))));
    }

    @Override
    public LabSession start(LabFolder lab, LabProgressListener listener) {
        if (closed) {
            throw new LabStartException("the docker runtime is closed");
        }
        for (var component : lab.definition().components()) {
            Optional<String> why = whyNot(component.kind());
            if (why.isPresent()) {
                throw new LabStartException("lab " + lab.definition().id() + " needs " + component.kind().yamlName()
                        + ", which the docker runtime cannot start here: " + why.get());
            }
        }
        String id = lab.definition().id() + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        DockerLabSession session = new DockerLabSession(id, lab, settings, client, images, labHost, owner, listener, sessions::remove);
        synchronized (sessions) {
            if (sessions.size() >= settings.maxSessions()) {
                throw new ProcessLabRuntime.LabCapacityException(settings.maxSessions());
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
                .tag("runtime", "docker")
                .tag("outcome", outcome)
                .register(registry);
    }

    @Override
    public List<LabSession> activeSessions() {
        return List.copyOf(sessions);
    }

    /** The names of the containers of every active session (for tests and diagnostics). */
    public List<String> containerNames() {
        return sessions.stream().flatMap(session -> session.containerNames().stream()).toList();
    }

    private void stopAll() {
        List.copyOf(sessions).parallelStream().forEach(DockerLabSession::stop);
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
}
