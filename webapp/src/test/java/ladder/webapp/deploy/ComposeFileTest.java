package ladder.webapp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Compose stack's files without starting them: every variable documented in {@code .env.example}, no password
 * with a default, {@code .env} kept out of git, the file valid for docker-compose, Grafana, Loki and Tempo in the
 * observability profile, Prometheus's and Alertmanager's configs valid for Debian's promtool and amtool.
 * ({@link ComposeStackTest} starts the stack.)
 */
class ComposeFileTest {

    static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(:[-?][^}]*)?}");

    @Test
    void every_variable_of_the_compose_file_is_documented_in_the_env_example() throws Exception {
        String example = Files.readString(DockerCli.ROOT.resolve(".env.example"));
        TreeSet<String> undocumented = new TreeSet<>();
        for (String file : List.of("docker-compose.yml", "docker-compose.labs.yml")) {
            Matcher variable = VARIABLE.matcher(Files.readString(DockerCli.ROOT.resolve(file)));
            while (variable.find()) {
                if (!Pattern.compile("(?m)^#?" + variable.group(1) + "=").matcher(example).find()) {
                    undocumented.add(file + ": " + variable.group(1));
                }
            }
        }
        assertThat(undocumented).isEmpty();
    }

    @Test
    void no_password_has_a_default_and_the_env_file_stays_out_of_git() throws Exception {
        Matcher variable = VARIABLE.matcher(Files.readString(DockerCli.ROOT.resolve("docker-compose.yml")));
        int passwords = 0;
        while (variable.find()) {
            if (variable.group(1).contains("PASSWORD")) {
                passwords++;
                String fallback = variable.group(2) == null ? "" : variable.group(2);
                assertThat(fallback).as(variable.group()).matches(":\\?.*|:-");
            }
        }
        assertThat(passwords).isGreaterThanOrEqualTo(4);
        assertThat(Files.readString(DockerCli.ROOT.resolve(".env.example")))
                .doesNotContainPattern("(?m)^\\w*PASSWORD=.+");
        assertThat(Files.readAllLines(DockerCli.ROOT.resolve(".gitignore"))).contains(".env");
    }

    @Test
    void docker_compose_accepts_the_file_and_grafana_loki_and_tempo_wait_in_a_profile() {
        DockerCli.Result version = DockerCli.run(Duration.ofSeconds(30), "docker-compose", "version", "--short");
        if (version.exitCode() != 0) {
            String reason = "docker-compose does not answer (apt-get install docker-compose; .ci/run does)";
            System.err.println("[ladder] ComposeFileTest: SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
        Map<String, String> secrets = Map.of("LADDER_ADMIN_PASSWORD", "x".repeat(12), "POSTGRES_PASSWORD",
                "y".repeat(12), "LADDER_METRICS_PASSWORD", "z".repeat(12));
        // docker-compose v1 lists every service whatever the profile: the profiles are read from its own output
        String config = DockerCli.run(Duration.ofMinutes(1), secrets, List.of("docker-compose", "--env-file",
                ".env.example", "--profile", "observability", "config")).orFail("docker-compose config").output();
        Map<String, Object> services = ContainerImageTest.at(new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(config), "services") instanceof Map<?, ?> map ? castMap(map) : Map.of();
        Map<String, Object> byProfile = new TreeMap<>();
        services.forEach((name, service) -> {
            Object profiles = ((Map<?, ?>) service).get("profiles");
            byProfile.put(name, profiles == null ? "always" : String.valueOf(profiles));
        });
        assertThat(byProfile).containsExactlyInAnyOrderEntriesOf(Map.of("ladder", "always", "postgres", "always",
                "prometheus", "always", "alertmanager", "always", "grafana", "[observability]",
                "loki", "[observability]", "alloy", "[observability]", "tempo", "[observability]"));
        // without the secrets, Compose refuses and names the one missing
        DockerCli.Result refused = DockerCli.run(Duration.ofMinutes(1), Map.of("LADDER_ADMIN_PASSWORD", "",
                "POSTGRES_PASSWORD", "", "LADDER_METRICS_PASSWORD", ""), List.of("docker-compose", "--env-file",
                ".env.example", "config", "-q"));
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("set POSTGRES_PASSWORD in .env");
    }

    @Test
    void the_labs_override_gives_ladder_the_socket_and_its_group_not_root_and_carries_the_security_warning() throws Exception {
        String file = Files.readString(DockerCli.ROOT.resolve("docker-compose.labs.yml"));
        assertThat(file).contains("SECURITY WARNING", "ROOT ON THIS", "DOCKER_HOST=tcp://labhost:2376", "DOCKER_TLS_VERIFY=1")
                .doesNotContainPattern("(?m)^\\s*(privileged|user|pid|network_mode|cap_add):");
        assertThat(Files.readString(DockerCli.ROOT.resolve("docs/operations.md"))).contains("docker-compose.labs.yml",
                "root on the host");
        assumeCompose();
        Map<String, String> env = Map.of("LADDER_ADMIN_PASSWORD", "x".repeat(12), "POSTGRES_PASSWORD", "y".repeat(12),
                "LADDER_METRICS_PASSWORD", "z".repeat(12), "DOCKER_GID", "4242");
        List<String> both = List.of("docker-compose", "--env-file", ".env.example", "-f", "docker-compose.yml",
                "-f", "docker-compose.labs.yml");
        String config = DockerCli.run(Duration.ofMinutes(1), env, concat(both, "config"))
                .orFail("docker-compose config with the labs override").output();
        Map<String, Object> ladder = castMap((Map<?, ?>) ContainerImageTest.at(new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(config), "services.ladder"));
        assertThat(ladder.get("container_name")).isEqualTo("ladder");
        assertThat(String.valueOf(ladder.get("group_add"))).isEqualTo("[4242]");
        assertThat(ladder).doesNotContainKeys("user", "privileged", "cap_add");
        assertThat(String.valueOf(ladder.get("volumes"))).contains("/var/run/docker.sock");
        Map<String, Object> environment = castMap((Map<?, ?>) ladder.get("environment"));
        assertThat(environment).containsEntry("LADDER_LABS_RUNTIME", "docker")
                .containsEntry("LADDER_LABS_DOCKER_ATTACH", "ladder")
                .containsEntry("TESTCONTAINERS_RYUK_DISABLED", "true");
        // the stack without the override has no socket
        assertThat(DockerCli.run(Duration.ofMinutes(1), env, List.of("docker-compose", "--env-file", ".env.example", "config"))
                .orFail("docker-compose config").output()).doesNotContain("docker.sock");
        // without the socket's group, Compose refuses and says how to find it
        Map<String, String> noGroup = new java.util.HashMap<>(env);
        noGroup.put("DOCKER_GID", "");
        DockerCli.Result refused = DockerCli.run(Duration.ofMinutes(1), noGroup, concat(both, "config", "-q"));
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("set DOCKER_GID in .env", "stat -c %g /var/run/docker.sock");
    }

    static List<String> concat(List<String> command, String... more) {
        List<String> all = new java.util.ArrayList<>(command);
        all.addAll(List.of(more));
        return all;
    }

    static void assumeCompose() {
        DockerCli.Result version = DockerCli.run(Duration.ofSeconds(30), "docker-compose", "version", "--short");
        if (version.exitCode() != 0) {
            String reason = "docker-compose does not answer (apt-get install docker-compose; .ci/run does)";
            System.err.println("[ladder] ComposeFileTest: SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
    }

    @Test
    void prometheus_and_alertmanager_accept_their_configs() {
        String promtool = executable("promtool");
        String amtool = executable("amtool");
        assertThat(DockerCli.run(Duration.ofMinutes(1), promtool, "check", "config", "deploy/prometheus/prometheus.yml")
                .orFail("promtool check config").output()).contains("SUCCESS");
        assertThat(DockerCli.run(Duration.ofMinutes(1), amtool, "check-config", "deploy/alertmanager/alertmanager.yml")
                .orFail("amtool check-config").output()).contains("SUCCESS");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    static String executable(String name) {
        for (String folder : new String[] {"/usr/bin", "/usr/local/bin"}) {
            if (new File(folder, name).canExecute()) {
                return folder + "/" + name;
            }
        }
        String reason = name + " is not installed (apt-get install prometheus prometheus-alertmanager; .ci/run does)";
        System.err.println("[ladder] ComposeFileTest: SKIPPED: " + reason);
        Assumptions.abort(reason);
        throw new AssertionError("unreachable");
    }
}
