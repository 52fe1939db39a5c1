package ladder.labs.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on 127.0.0.1 for the labs' components, taken from {@value #LOWEST}–{@value #HIGHEST}: below
 * Linux's ephemeral range (32768–60999), from which the kernel picks every port a program does not choose (the
 * source port of an outgoing connection, a socket bound to port 0). A component's port is thus never the one
 * the kernel hands to someone else between its choice here and the component's bind: not to another component's
 * connection, and not to the resolver Docker starts inside each session's network namespace, which listens on
 * ports of that range before the session's sysctls apply (a node-exporter lost its port to it once in the suite).
 */
final class FreePorts {

    static final int LOWEST = 20000;
    static final int HIGHEST = 32767;

    private static final Set<Integer> handedOut = new HashSet<>();

    private FreePorts() {}

    /**
     * A port that was free a moment ago on 127.0.0.1; a port already handed out by this JVM is not handed out
     * again until 4,096 others were.
     */
    static synchronized int next() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST + 1);
            if (handedOut.contains(port) || !free(port)) {
                continue;
            }
            if (handedOut.size() >= 4096) {
                handedOut.clear();
            }
            handedOut.add(port);
            return port;
        }
        throw new IllegalStateException("no free port on 127.0.0.1 between " + LOWEST + " and " + HIGHEST + " after 200 attempts");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort() == port;
        } catch (IOException taken) {
            return false;
        }
    }
}
