package ladder.webapp.labs;

import ladder.webapp.support.DockerAvailable;
import org.springframework.test.context.TestPropertySource;

/**
 * The same walk through the component UIs as {@link LabsProxyTest}, on the Docker runtime: Prometheus and
 * Zipkin in their containers are started with the proxy's path too, so the links in their pages go through
 * Ladder ({@code /labs/sessions/{id}/ui/{component}/}), and the proxy reaches them where the runtime publishes them.
 */
@DockerAvailable
@TestPropertySource(properties = "ladder.labs.runtime=docker")
class DockerLabsProxyTest extends LabsProxyTest {
}
