package ladder.labs.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Free TCP ports on 127.0.0.1, asked of the operating system. */
final class FreePorts {

    private static final Set<Integer> handedOut = new HashSet<>();

    private FreePorts() {}

    /**
     * A port that was free a moment ago. The OS could give it to someone else before the component
     * binds it; a port already handed out by this JVM is never handed out twice in a row.
     */
    static synchronized int next() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (handedOut.add(port)) {
                    if (handedOut.size() > 4096) {
                        handedOut.clear();
                    }
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port on 127.0.0.1", e);
            }
        }
        throw new IllegalStateException("no free port on 127.0.0.1 after 50 attempts");
    }
}
