package ladder.labs.runtime;

import com.github.dockerjava.api.DockerClient;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;

/** The containers and networks of a session (or of every session, by {@link DockerLabels#LAB}) that the engine still has. */
final class DockerLeftovers {

    private DockerLeftovers() {}

    static List<String> ofSession(String sessionId) {
        return labelled(DockerLabels.SESSION, sessionId);
    }

    static List<String> labelled(String label, String value) {
        DockerClient client = DockerClientFactory.instance().client();
        return Stream.concat(
                client.listContainersCmd().withShowAll(true).withLabelFilter(Map.of(label, value)).exec().stream()
                        .map(container -> "container " + String.join(",", container.getNames())),
                client.listNetworksCmd().withFilter("label", List.of(label + "=" + value)).exec().stream()
                        .map(network -> "network " + network.getName()))
                .toList();
    }
}
