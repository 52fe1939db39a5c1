package ladder.labs.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import ladder.model.lab.ComponentKind;
import ladder.model.lab.ComponentSpec;
import org.junit.jupiter.api.Test;

/** The container definitions and the sweep's selection, without an engine. */
class ContainerPlanTest {

    private final Map<String, String> labels = DockerLabels.of("metrics-1a2b", "host/42/1000");

    @Test
    void a_component_is_confined_unprivileged_without_capabilities_mounts_or_ports_of_its_own() {
        ContainerPlan plan = ContainerPlan.component("metrics-1a2b", ComponentSpec.of("prometheus", ComponentKind.PROMETHEUS, "prometheus.yml"),
                "ladder-lab-prometheus:1.0", List.of("/usr/bin/prometheus"), "sandbox-id", labels);

        assertThat(plan.name()).isEqualTo("ladder-lab-metrics-1a2b-prometheus");
        assertThat(plan.image()).isEqualTo("ladder-lab-prometheus:1.0");
        assertThat(plan.user()).isEqualTo("10001:10001");
        assertThat(plan.hostConfig().getPrivileged()).isFalse();
        assertThat(plan.hostConfig().getCapDrop()).extracting(Enum::name).containsExactly("ALL");
        assertThat(plan.hostConfig().getCapAdd()).isNullOrEmpty();
        assertThat(plan.hostConfig().getSecurityOpts()).containsExactly("no-new-privileges:true");
        assertThat(plan.hostConfig().getBinds()).isNullOrEmpty();
        assertThat(plan.hostConfig().getMounts()).isNullOrEmpty();
        assertThat(plan.hostConfig().getMemory()).isEqualTo(384L * 1024 * 1024);
        assertThat(plan.hostConfig().getMemorySwap()).isEqualTo(plan.hostConfig().getMemory());
        assertThat(plan.hostConfig().getNanoCPUs()).isEqualTo(1_000_000_000L);
        assertThat(plan.hostConfig().getPidsLimit()).isEqualTo(256L);
        assertThat(plan.hostConfig().getNetworkMode()).isEqualTo("container:sandbox-id");
        assertThat(plan.publishedPorts()).isEmpty();
        assertThat(plan.labels()).containsEntry(DockerLabels.LAB, "true")
                .containsEntry(DockerLabels.SESSION, "metrics-1a2b")
                .containsEntry(DockerLabels.COMPONENT, "prometheus")
                .containsEntry(DockerLabels.OWNER, "host/42/1000");
    }

    @Test
    void the_sandbox_publishes_every_port_on_127_0_0_1_only_and_joins_the_session_network() {
        ContainerPlan sandbox = ContainerPlan.sandbox("metrics-1a2b", "ladder-lab-metrics-1a2b-net", "debian:bookworm-slim",
                List.of(41001, 41002), "127.0.0.1", labels);

        assertThat(sandbox.publishedPorts()).containsExactlyInAnyOrder("127.0.0.1:41001->41001", "127.0.0.1:41002->41002");
        assertThat(sandbox.hostConfig().getSysctls()).containsEntry("net.ipv4.ip_local_reserved_ports", "41001,41002");
        assertThat(sandbox.hostConfig().getNetworkMode()).isEqualTo("ladder-lab-metrics-1a2b-net");
        assertThat(sandbox.command()).containsExactly("sleep", "infinity");
        assertThat(sandbox.user()).isEqualTo("65534:65534");
        assertThat(sandbox.hostConfig().getCapDrop()).extracting(Enum::name).containsExactly("ALL");
        assertThat(sandbox.hostConfig().getPrivileged()).isFalse();
        assertThat(sandbox.labels()).containsEntry(DockerLabels.COMPONENT, DockerLabels.SANDBOX);
    }

    @Test
    void attached_to_ladders_container_the_sandbox_publishes_no_port_at_all_and_still_reserves_the_sessions_ports() {
        ContainerPlan sandbox = ContainerPlan.sandbox("metrics-1a2b", "ladder-lab-metrics-1a2b-net", "debian:bookworm-slim",
                List.of(41001, 41002), null, labels);

        assertThat(sandbox.publishedPorts()).isEmpty();
        assertThat(sandbox.exposedPorts()).isEmpty();
        assertThat(sandbox.hostConfig().getPortBindings().getBindings()).isEmpty();
        assertThat(sandbox.hostConfig().getNetworkMode()).isEqualTo("ladder-lab-metrics-1a2b-net");
        assertThat(sandbox.hostConfig().getSysctls()).containsEntry("net.ipv4.ip_local_reserved_ports", "41001,41002");
        assertThat(sandbox.hostConfig().getCapDrop()).extracting(Enum::name).containsExactly("ALL");
        assertThat(sandbox.hostConfig().getPrivileged()).isFalse();
        assertThat(sandbox.hostConfig().getBinds()).isNullOrEmpty();
    }

    @Test
    void the_attach_setting_is_trimmed_and_blank_means_publishing_ports() {
        DockerRuntimeSettings settings = DockerRuntimeSettings.defaults();

        assertThat(settings.withAttachTo("  ladder  ").attachTo()).isEqualTo("ladder");
        assertThat(settings.withAttachTo(" ").attachTo()).isNull();
        assertThat(settings.withAttachTo("ladder").withPublishAddress("127.0.0.2").withMaxSessions(2).attachTo())
                .as("kept by the other withers").isEqualTo("ladder");
    }

    @Test
    void zipkin_gets_its_query_port_from_its_command_line() {
        List<String> command = ComponentRecipe.of(ComponentKind.ZIPKIN).command(new ComponentRecipe.Launch(
                ComponentSpec.of("zipkin", ComponentKind.ZIPKIN, null), 41003, "0.0.0.0", null, "/lab/data",
                ComponentRecipe.Binaries.IN_IMAGES, name -> "http://127.0.0.1:1", List.of(), null));
        ContainerPlan plan = ContainerPlan.component("s", ComponentSpec.of("zipkin", ComponentKind.ZIPKIN, null),
                "ladder-lab-zipkin:1.0", command, "sandbox", labels);

        assertThat(plan.env()).containsEntry("QUERY_PORT", "41003");
        assertThat(command).contains("--armeria.ports[0].ip=0.0.0.0", "/opt/java/bin/java");
    }

    @Test
    void behind_the_proxy_prometheus_alertmanager_and_zipkin_link_to_the_proxys_path_on_every_runtime() {
        String ui = "/labs/sessions/metrics-1a2b/ui/prometheus/";
        for (String listen : List.of("127.0.0.1", "0.0.0.0")) {
            List<String> prometheus = ComponentRecipe.of(ComponentKind.PROMETHEUS).command(new ComponentRecipe.Launch(
                    ComponentSpec.of("prometheus", ComponentKind.PROMETHEUS, "prometheus.yml"), 41001, listen, "/lab/workspace/prometheus.yml",
                    "/lab/data", ComponentRecipe.Binaries.IN_IMAGES, name -> "http://127.0.0.1:1", List.of(), ui));
            assertThat(prometheus).contains("--web.external-url=http://localhost" + ui, "--web.route-prefix=/");
        }
        List<String> alertmanager = ComponentRecipe.of(ComponentKind.ALERTMANAGER).command(new ComponentRecipe.Launch(
                ComponentSpec.of("am", ComponentKind.ALERTMANAGER, "alertmanager.yml"), 41002, "0.0.0.0", "/lab/workspace/alertmanager.yml",
                "/lab/data", ComponentRecipe.Binaries.IN_IMAGES, name -> "http://127.0.0.1:1", List.of(), "/p/s/ui/am/"));
        assertThat(alertmanager).contains("--web.external-url=http://localhost/p/s/ui/am/", "--web.route-prefix=/");
        List<String> zipkin = ComponentRecipe.of(ComponentKind.ZIPKIN).command(new ComponentRecipe.Launch(
                ComponentSpec.of("zipkin", ComponentKind.ZIPKIN, null), 41003, "0.0.0.0", null, "/lab/data",
                ComponentRecipe.Binaries.IN_IMAGES, name -> "http://127.0.0.1:1", List.of(), "/p/s/ui/zipkin/"));
        assertThat(zipkin).contains("--zipkin.ui.basepath=/p/s/ui/zipkin/zipkin");
        List<String> direct = ComponentRecipe.of(ComponentKind.PROMETHEUS).command(new ComponentRecipe.Launch(
                ComponentSpec.of("prometheus", ComponentKind.PROMETHEUS, "prometheus.yml"), 41001, "0.0.0.0", "/x.yml",
                "/lab/data", ComponentRecipe.Binaries.IN_IMAGES, name -> "http://127.0.0.1:1", List.of(), null));
        assertThat(direct).noneMatch(arg -> arg.startsWith("--web.external-url"));
    }

    @Test
    void postgres_gets_its_password_in_the_environment_never_on_the_command_line_and_refuses_clients_without_it() {
        ComponentSpec postgres = ComponentSpec.of("postgres", ComponentKind.POSTGRES, null);
        ComponentRecipe.Launch launch = new ComponentRecipe.Launch(postgres, 41005, "0.0.0.0", null, "/lab/data",
                ComponentRecipe.Binaries.IN_IMAGES, name -> "http://127.0.0.1:1", List.of(), null, null, "s3cret-of-the-session", null);
        List<String> command = ComponentRecipe.of(ComponentKind.POSTGRES).command(launch);
        ContainerPlan plan = ContainerPlan.component("db-1", postgres, "ladder-lab-postgres:1.0", command, "sandbox", labels,
                ComponentRecipe.of(ComponentKind.POSTGRES).environment(launch));

        assertThat(String.join(" ", command)).doesNotContain("s3cret-of-the-session")
                .contains("--auth=scram-sha-256", "max_connections=20", "unix_socket_directories=");
        assertThat(command).containsSequence("/usr/lib/postgresql/15/bin", "/lab/data", "0.0.0.0", "41005");
        assertThat(command).doesNotContain("/usr/bin/setpriv");
        assertThat(plan.env()).containsEntry("LADDER_LAB_DB_PASSWORD", "s3cret-of-the-session");
        assertThat(plan.user()).isEqualTo("10001:10001");
        assertThat(plan.hostConfig().getMemory()).isEqualTo(256L * 1024 * 1024);
        assertThat(ComponentRecipe.of(ComponentKind.POSTGRES).command(new ComponentRecipe.Launch(postgres, 41005, "127.0.0.1",
                null, "/tmp/x", ComponentRecipe.Binaries.IN_IMAGES, name -> "", List.of(), null, null, "p", "postgres")))
                .as("as root on the process runtime").startsWith("/usr/bin/setpriv", "--reuid=postgres");
    }

    @Test
    void the_postgres_exporter_reads_the_labs_database_with_the_sessions_password() {
        ComponentSpec exporter = ComponentSpec.of("postgres-exporter", ComponentKind.POSTGRES_EXPORTER, null);
        ComponentRecipe.Launch launch = new ComponentRecipe.Launch(exporter, 41006, "0.0.0.0", null, "/lab/data",
                ComponentRecipe.Binaries.IN_IMAGES, name -> "", List.of(), null, "127.0.0.1:41005", "pw", null);

        assertThat(ComponentRecipe.of(ComponentKind.POSTGRES_EXPORTER).environment(launch))
                .containsEntry("DATA_SOURCE_NAME", "postgresql://postgres:pw@127.0.0.1:41005/postgres?sslmode=disable");
        assertThat(ComponentRecipe.of(ComponentKind.POSTGRES_EXPORTER).command(launch))
                .containsExactly("/usr/bin/prometheus-postgres-exporter", "--web.listen-address=0.0.0.0:41006");
    }

    @Test
    void upstream_components_come_from_the_one_pinned_list_and_run_their_images_entrypoint_confined_like_the_others() {
        assertThat(UpstreamImages.PINNED).containsOnlyKeys(ComponentKind.GRAFANA, ComponentKind.LOKI, ComponentKind.TEMPO,
                ComponentKind.OTEL_COLLECTOR);
        assertThat(UpstreamImages.PINNED.values()).allMatch(image -> image.matches("[a-z0-9./-]+:\\d+\\.\\d+\\.\\d+"),
                "pinned to a release, never latest");
        for (ComponentKind kind : UpstreamImages.PINNED.keySet()) {
            assertThat(ComponentRecipe.of(kind).upstream()).as(kind.yamlName()).isTrue();
            assertThat(ComponentRecipe.of(kind).java()).as(kind.yamlName()).isFalse();
        }
        ComponentSpec grafana = ComponentSpec.of("grafana", ComponentKind.GRAFANA, "provisioning");
        ComponentRecipe.Launch launch = new ComponentRecipe.Launch(grafana, 41007, "0.0.0.0", "/lab/workspace/provisioning",
                "/lab/data", ComponentRecipe.Binaries.IN_IMAGES, name -> "", List.of(), "/labs/sessions/d-1/ui/grafana/", null, "pw", null);
        ContainerPlan plan = ContainerPlan.component("d-1", grafana, "ladder-lab-grafana:1.0",
                ComponentRecipe.of(ComponentKind.GRAFANA).command(launch), "sandbox", labels,
                ComponentRecipe.of(ComponentKind.GRAFANA).environment(launch));
        assertThat(plan.command()).isEmpty();
        assertThat(plan.env()).containsEntry("GF_SERVER_HTTP_PORT", "41007")
                .containsEntry("GF_SECURITY_ADMIN_PASSWORD", "pw")
                .containsEntry("GF_PATHS_PROVISIONING", "/lab/workspace/provisioning")
                .containsEntry("GF_SERVER_ROOT_URL", "http://localhost/labs/sessions/d-1/ui/grafana/")
                .containsEntry("GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer");
        assertThat(plan.user()).isEqualTo("10001:10001");
        assertThat(plan.hostConfig().getCapDrop()).extracting(Enum::name).containsExactly("ALL");
        assertThat(ComponentRecipe.of(ComponentKind.LOKI).command(new ComponentRecipe.Launch(
                ComponentSpec.of("loki", ComponentKind.LOKI, "loki.yml"), 41008, "0.0.0.0", "/lab/workspace/loki.yml", "/lab/data",
                ComponentRecipe.Binaries.IN_IMAGES, name -> "", List.of(), null)))
                .containsExactly("-config.file=/lab/workspace/loki.yml");
    }

    private final Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Instant recently = now.minus(Duration.ofMinutes(5));

    @Test
    void the_sweep_takes_what_a_dead_runtime_of_this_host_left() {
        assertThat(DockerLabels.isLeftover(labels, recently, "host", now, owner -> false)).isTrue();
    }

    @Test
    void the_sweep_keeps_what_a_live_runtime_owns() {
        assertThat(DockerLabels.isLeftover(labels, recently, "host", now, owner -> true)).isFalse();
    }

    @Test
    void the_sweep_keeps_what_a_runtime_on_another_host_owns_unless_it_is_older_than_any_session() {
        assertThat(DockerLabels.isLeftover(labels, recently, "other-host", now, owner -> false)).isFalse();
        assertThat(DockerLabels.isLeftover(labels, now.minus(Duration.ofHours(13)), "other-host", now, owner -> true)).isTrue();
    }

    @Test
    void the_sweep_never_takes_what_is_not_labelled_as_a_lab() {
        assertThat(DockerLabels.isLeftover(Map.of(DockerLabels.SESSION, "x"), now.minus(Duration.ofDays(3)), "host", now, owner -> false))
                .isFalse();
        assertThat(DockerLabels.isLeftover(Map.of(), recently, "host", now, owner -> false)).isFalse();
    }

    @Test
    void the_owner_label_names_this_jvm_which_is_alive() {
        DockerLabels.Owner owner = DockerLabels.Owner.parse(DockerLabels.thisOwner()).orElseThrow();

        assertThat(owner.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(DockerLabels.alive(owner)).isTrue();
        assertThat(DockerLabels.alive(new DockerLabels.Owner(owner.host(), owner.pid(), owner.startedMillis() + 1))).isFalse();
    }

    @Test
    void image_names_carry_the_registry_prefix_and_ladders_version() {
        assertThat(LabImages.tag("", "prometheus", "0.1.0")).isEqualTo("ladder-lab-prometheus:0.1.0");
        assertThat(LabImages.tag("registry.example.org/team/", "jre", "0.1.0")).isEqualTo("registry.example.org/team/ladder-lab-jre:0.1.0");
    }
}
