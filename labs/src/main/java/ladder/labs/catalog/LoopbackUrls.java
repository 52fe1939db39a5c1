package ladder.labs.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks and their actions talk to the lab's components only: URLs on the loopback interface. */
public final class LoopbackUrls {

    private LoopbackUrls() {}

    /** True for {@code http://127.0.0.1...} and {@code http://localhost...}, whatever the port and path. */
    public static boolean isLoopback(String url) {
        try {
            URI uri = new URI(url);
            String host = uri.getHost();
            return "http".equalsIgnoreCase(uri.getScheme()) && host != null
                    && (host.equals("127.0.0.1") || host.toLowerCase(Locale.ROOT).equals("localhost"));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
