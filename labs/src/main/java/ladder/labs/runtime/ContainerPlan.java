package ladder.labs.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ports;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.model.lab.ComponentKind;
import ladder.model.lab.ComponentSpec;
import org.jspecify.annotations.Nullable;

/**
 * How one container of a lab session is created, decided without an engine (so it is unit-tested): image,
 * command, labels, limits, capabilities, published ports. Every container of a session shares the network
 * namespace of the session's sandbox container, like a Kubernetes pod: each component listens on its own
 * port, and {@code 127.0.0.1:PORT} means the same component inside the session and on the host, which is
 * why a lab's files and checks run unchanged on both runtimes. The sandbox alone is on the session's own
 * network and publishes the ports, on {@code 127.0.0.1} (or the lab host's address) only; or none at all when Ladder's
 * own container joins that network ({@code LADDER_LABS_DOCKER_ATTACH}). No container is privileged, every capability
 * is dropped (none of the components needs one: they run as an unprivileged user on ports above 1024), new
 * privileges are refused, and nothing of the host is mounted (certainly not the Docker socket).
 *
 * @param name    {@code ladder-lab-<session>-<component>}
 * @param labels  {@link DockerLabels}: the session, the component, the owning runtime
 */
record ContainerPlan(String name, String image, List<String> command, String user, Map<String, String> env,
                     Map<String, String> labels, HostConfig hostConfig, List<ExposedPort> exposedPorts) {

    static final String USER = "10001:10001";
    static final String WORKSPACE = "/lab/workspace";
    static final String DATA = "/lab/data";
    static final long PIDS_LIMIT = 256;
    static final long NANO_CPUS = 1_000_000_000L;

    /** Memory a component of a kind may use, in MiB: above what a lab run was measured to take, below what hurts a laptop. */
    static long memoryMiB(ComponentKind kind) {
        return switch (kind) {
            case PROMETHEUS -> 384;
            case ALERTMANAGER -> 128;
            case NODE_EXPORTER, BLACKBOX_EXPORTER -> 64;
            case ZIPKIN -> 512;
            case SAMPLE_SERVICE, POSTGRES -> 256;
            case POSTGRES_EXPORTER -> 64;
            case GRAFANA, LOKI, TEMPO, OTEL_COLLECTOR -> 256;
        };
    }

    /**
     * The container holding the session's network namespace and its published ports; it only sleeps.
     *
     * @param publishAddress where the ports are published (the lab host's address); null to publish none, when Ladder's
     *                       own container joins the session's network and reaches the components there
     */
    static ContainerPlan sandbox(String sessionId, String network, String image, List<Integer> ports,
                                 @Nullable String publishAddress, Map<String, String> labels) {
        Ports bindings = new Ports();
        List<ExposedPort> exposed = new ArrayList<>();
        if (publishAddress != null) {
            for (int port : ports) {
                ExposedPort tcp = ExposedPort.tcp(port);
                exposed.add(tcp);
                bindings.bind(tcp, new Ports.Binding(publishAddress, Integer.toString(port)));
            }
        }
        // the session's ports lie below the ephemeral range (FreePorts), and are reserved in the session's namespace
        // as well: no outgoing connection of a component there takes one as its source port before the component
        // that owns it binds it (PostgreSQL binds after initdb, seconds after Prometheus started scraping)
        HostConfig host = confined(16, 16).withNetworkMode(network).withPortBindings(bindings)
                .withSysctls(Map.of("net.ipv4.ip_local_reserved_ports",
                        String.join(",", ports.stream().map(String::valueOf).toList())));
        Map<String, String> all = new LinkedHashMap<>(labels);
        all.put(DockerLabels.COMPONENT, DockerLabels.SANDBOX);
        return new ContainerPlan(name(sessionId, DockerLabels.SANDBOX), image, List.of("sleep", "infinity"),
                "65534:65534", Map.of(), all, host, exposed);
    }

    /** A component, in the sandbox's network namespace. */
    static ContainerPlan component(String sessionId, ComponentSpec component, String image, List<String> command,
                                   String sandboxId, Map<String, String> labels) {
        return component(sessionId, component, image, command, sandboxId, labels, Map.of());
    }

    /** A component with the environment its recipe gives it (a password, never on the command line). */
    static ContainerPlan component(String sessionId, ComponentSpec component, String image, List<String> command,
                                   String sandboxId, Map<String, String> labels, Map<String, String> environment) {
        HostConfig host = confined(memoryMiB(component.kind()), PIDS_LIMIT).withNetworkMode("container:" + sandboxId);
        Map<String, String> all = new LinkedHashMap<>(labels);
        all.put(DockerLabels.COMPONENT, component.name());
        Map<String, String> env = new LinkedHashMap<>(environment);
        if (component.kind() == ComponentKind.ZIPKIN) {
            env.put("QUERY_PORT", portOf(command));
        }
        return new ContainerPlan(name(sessionId, component.name()), image, command, USER, env, all, host, List.of());
    }

    private static String portOf(List<String> command) {
        return command.stream().filter(arg -> arg.startsWith("--armeria.ports[0].port="))
                .map(arg -> arg.substring(arg.indexOf('=') + 1)).findFirst().orElse("9411");
    }

    static String name(String sessionId, String component) {
        return "ladder-lab-" + sessionId + "-" + component;
    }

    private static HostConfig confined(long memoryMiB, long pids) {
        long memory = memoryMiB * 1024 * 1024;
        return HostConfig.newHostConfig()
                .withMemory(memory)
                .withMemorySwap(memory) // no swap beyond the limit
                .withNanoCPUs(NANO_CPUS)
                .withPidsLimit(pids)
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges:true"))
                .withPrivileged(false)
                .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE, Map.of("max-size", "10m", "max-file", "2")));
    }

    /** Creates the container (not started); returns its id. */
    String create(DockerClient client) {
        CreateContainerCmd create = client.createContainerCmd(image)
                .withName(name)
                .withLabels(labels)
                .withUser(user)
                .withEnv(env.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toList())
                .withCmd(command)
                .withHostConfig(hostConfig);
        if (!exposedPorts.isEmpty()) {
            create.withExposedPorts(exposedPorts);
        }
        return create.exec().getId();
    }

    /** The published ports, as {@code address:port}, for tests and diagnostics. */
    List<String> publishedPorts() {
        List<String> published = new ArrayList<>();
        if (hostConfig.getPortBindings() != null) {
            for (Map.Entry<ExposedPort, Ports.Binding[]> entry : hostConfig.getPortBindings().getBindings().entrySet()) {
                for (Ports.Binding binding : entry.getValue()) {
                    published.add(binding.getHostIp() + ":" + binding.getHostPortSpec() + "->" + entry.getKey().getPort());
                }
            }
        }
        return published;
    }

}
