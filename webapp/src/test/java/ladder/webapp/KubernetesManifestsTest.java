package ladder.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What {@code kubectl kustomize deploy/kubernetes/overlays/example} renders: probes on the health groups,
 * resources, a non-root read-only-root container, secrets by reference, scraping, an Ingress with sticky
 * sessions and room for DOT uploads, a PodDisruptionBudget.
 */
class KubernetesManifestsTest {

    static List<Map<String, Object>> objects = new ArrayList<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void render() throws Exception {
        String kubectl = null;
        for (String candidate : new String[] {"/usr/local/bin/kubectl", "/usr/bin/kubectl"}) {
            if (new File(candidate).canExecute()) {
                kubectl = candidate;
            }
        }
        if (kubectl == null) {
            String reason = "SKIPPED: kubectl is not installed, so the Kustomize output cannot be rendered";
            System.err.println("[ladder] KubernetesManifestsTest: " + reason);
            Assumptions.abort(reason);
        }
        Process process = new ProcessBuilder(kubectl, "kustomize", "../deploy/kubernetes/overlays/example")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(output)) {
            objects.add((Map<String, Object>) document);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String path) {
        Object current = node;
        for (String step : path.split("\\.")) {
            current = step.matches("\\d+") ? ((List<Object>) current).get(Integer.parseInt(step))
                    : ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }

    static Map<String, Object> kind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in the output"));
    }

    @Test
    void the_deployment_has_probes_resources_and_a_non_root_read_only_security_context() {
        Map<String, Object> deployment = kind("Deployment");
        assertThat(at(deployment, "metadata.namespace").toString()).isEqualTo("ladder");
        assertThat((Integer) at(deployment, "spec.replicas")).isEqualTo(3);
        Map<String, Object> container = at(deployment, "spec.template.spec.containers.0");
        assertThat(at(container, "image").toString()).isEqualTo("registry.example.org/team/ladder:0.1.0");
        assertThat(at(container, "livenessProbe.httpGet.path").toString()).isEqualTo("/actuator/health/liveness");
        assertThat(at(container, "readinessProbe.httpGet.path").toString()).isEqualTo("/actuator/health/readiness");
        assertThat(at(container, "startupProbe.httpGet.path").toString()).isEqualTo("/actuator/health/liveness");
        assertThat((Map<String, Object>) at(container, "resources.requests")).containsKeys("cpu", "memory");
        assertThat((Map<String, Object>) at(container, "resources.limits")).containsKeys("cpu", "memory");
        assertThat((Boolean) at(container, "securityContext.readOnlyRootFilesystem")).isTrue();
        assertThat((Boolean) at(container, "securityContext.allowPrivilegeEscalation")).isFalse();
        assertThat((List<String>) at(container, "securityContext.capabilities.drop")).containsExactly("ALL");
        assertThat((Boolean) at(deployment, "spec.template.spec.securityContext.runAsNonRoot")).isTrue();
        assertThat((List<Map<String, Object>>) at(container, "volumeMounts")).extracting(m -> m.get("mountPath"))
                .contains("/tmp", "/data");
        assertThat(at(deployment, "spec.template.metadata.annotations").toString())
                .contains("prometheus.io/scrape=true", "prometheus.io/path=/actuator/prometheus");
    }

    @Test
    void secrets_are_referenced_and_never_written() {
        List<Map<String, Object>> env = at(kind("Deployment"), "spec.template.spec.containers.0.env");
        for (String name : List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
                "LADDER_ADMIN_PASSWORD")) {
            Map<String, Object> variable = env.stream().filter(e -> name.equals(e.get("name"))).findFirst().orElseThrow();
            assertThat(variable).as(name).doesNotContainKey("value");
            assertThat(at(variable, "valueFrom.secretKeyRef.name").toString()).as(name).startsWith("ladder-");
        }
        assertThat(objects).noneMatch(o -> "Secret".equals(o.get("kind")));
    }

    @Test
    void the_ingress_keeps_each_browser_on_one_replica_and_lets_dot_uploads_through() {
        Map<String, String> annotations = at(kind("Ingress"), "metadata.annotations");
        assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie")
                .containsEntry("nginx.ingress.kubernetes.io/affinity-mode", "persistent")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "2m");
        assertThat(at(kind("Ingress"), "spec.rules.0.host").toString()).isEqualTo("ladder.team.example.org");
        assertThat(at(kind("Service"), "spec.sessionAffinity").toString()).isEqualTo("ClientIP");
        assertThat((Integer) at(kind("PodDisruptionBudget"), "spec.minAvailable")).isEqualTo(1);
        assertThat(at(kind("PodDisruptionBudget"), "spec.selector.matchLabels").toString())
                .contains("app.kubernetes.io/name=ladder");
    }
}
