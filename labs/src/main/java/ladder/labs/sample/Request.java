package ladder.labs.sample;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.tracing.Span;
import org.jspecify.annotations.Nullable;

/**
 * A request as an endpoint sees it.
 *
 * @param method   the HTTP method
 * @param endpoint the route it matched (a fixed set of values, also the {@code endpoint} tag)
 * @param path     the path as sent
 * @param rawQuery the query string, still encoded
 * @param body     the body as text (at most 64 KiB)
 * @param tracing  the tracing in force when the request came in
 * @param span     the request's server span, in scope while the endpoint runs
 */
record Request(String method, String endpoint, String path, @Nullable String rawQuery, String body,
               SampleTracing tracing, Span span) {

    /**
     * The fields of a JSON body, overridden by the query's parameters ({@code ?errorRate=0.5}).
     *
     * @throws IllegalArgumentException for a body that is not a JSON object or a name not in {@code known}
     */
    Map<String, Object> parameters(String... known) {
        Map<String, Object> values = new LinkedHashMap<>(Json.parseObject(body));
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        for (String key : values.keySet()) {
            if (!List.of(known).contains(key)) {
                throw new IllegalArgumentException("unknown field '" + key + "' (known: " + String.join(", ", known) + ")");
            }
        }
        return values;
    }

    /** A numeric parameter; absent is 0. */
    static double number(Map<String, Object> values, String key) {
        Object value = values.get(key);
        if (value == null) {
            return 0;
        }
        try {
            return Double.parseDouble(value.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got '" + value + "'");
        }
    }
}
