package ladder.labs.sample;

import java.net.URI;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** {@code GET|POST|PUT|DELETE /admin/load}: the requests per second the service sends itself. */
final class LoadEndpoint implements AutoCloseable {

    private final URI self;
    private final RequestLog log;
    private @Nullable LoadGenerator load; // guarded by this
    private double rps; // guarded by this

    LoadEndpoint(URI self, RequestLog log) {
        this.self = self;
        this.log = log;
    }

    void addTo(Routes routes) {
        routes.add("/admin/load", "GET", request -> current());
        Endpoint set = request -> {
            set(rps(request));
            log.info("load set to " + current().body());
            return current();
        };
        routes.add("/admin/load", "POST", set);
        routes.add("/admin/load", "PUT", set);
        routes.add("/admin/load", "DELETE", request -> {
            set(0);
            log.info("load stopped");
            return current();
        });
    }

    /** Replaces the self-load with {@code rps} requests per second; 0 stops it. */
    synchronized void set(double rps) {
        if (load != null) {
            load.close();
            load = null;
        }
        this.rps = rps;
        if (rps > 0) {
            load = new LoadGenerator(self, rps);
        }
    }

    private synchronized Reply current() {
        return Reply.json(200, Map.of("rps", rps));
    }

    private static double rps(Request request) {
        Map<String, Object> values = request.parameters("rps");
        double rps = Request.number(values, "rps");
        if (!(rps >= 0 && rps <= 1000)) {
            throw new IllegalArgumentException("rps must be between 0 and 1000, got " + values.get("rps"));
        }
        return rps;
    }

    @Override
    public void close() {
        set(0);
    }
}
