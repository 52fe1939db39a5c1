package ladder.labs.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** The service's paths and, per path, the endpoint of each method; every other path is {@code NOT_FOUND}. */
final class Routes {

    static final String NOT_FOUND = "NOT_FOUND";

    private final Map<String, Map<String, Endpoint>> byPath = new LinkedHashMap<>();

    void add(String path, String method, Endpoint endpoint) {
        if (byPath.computeIfAbsent(path, p -> new LinkedHashMap<>()).putIfAbsent(method, endpoint) != null) {
            throw new IllegalStateException(method + " " + path + " is routed twice");
        }
    }

    /** The route a path matches: itself when known, else {@link #NOT_FOUND} (a fixed set of tag values). */
    String endpoint(String path) {
        return byPath.containsKey(path) ? path : NOT_FOUND;
    }

    /** The endpoint for a method on a route, if there is one. */
    @Nullable Endpoint find(String endpoint, String method) {
        Map<String, Endpoint> methods = byPath.get(endpoint);
        return methods == null ? null : methods.get(method);
    }
}
