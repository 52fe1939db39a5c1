package ladder.labs.runtime;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The address of the machine a Docker engine runs on, where a session's ports are published and where Ladder
 * reaches the components: 127.0.0.1 for a local engine (a Unix socket, a named pipe), the host of
 * {@code DOCKER_HOST=tcp://labhost:2376} for a remote one. Published ports bind to that address only, never to
 * every interface, so a lab host with a second, public interface does not offer the labs there.
 */
final class LabHostAddress {

    static final String LOCAL = "127.0.0.1";

    private LabHostAddress() {}

    /**
     * @param engine the engine's address as Testcontainers reached it, e.g. {@code unix:///var/run/docker.sock}
     * @throws LabStartException when a remote engine's host is not known or is the wildcard address
     */
    static String of(URI engine) {
        String scheme = engine.getScheme() == null ? "" : engine.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("tcp") && !scheme.equals("http") && !scheme.equals("https")) {
            return LOCAL;
        }
        String host = engine.getHost();
        if (host == null || host.isBlank()) {
            throw new LabStartException("the Docker engine's address " + engine + " names no host");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new LabStartException("the Docker engine's host " + host + " (from " + engine + ") is not known here", e);
        }
        if (address.isAnyLocalAddress()) {
            throw new LabStartException("the Docker engine's address " + engine + " is the wildcard address: name the lab"
                    + " host's own address in DOCKER_HOST, or the labs' ports would be published on every interface");
        }
        return address.getHostAddress();
    }
}
