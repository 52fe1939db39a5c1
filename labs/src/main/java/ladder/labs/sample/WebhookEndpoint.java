package ladder.labs.sample;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * {@code GET|POST|DELETE /admin/webhook}: keeps the last {@value #MAX_CALLS} JSON bodies POSTed to it (what an
 * Alertmanager webhook receiver is sent), oldest first.
 */
final class WebhookEndpoint {

    private static final int MAX_CALLS = 100;

    private final Deque<Map<String, Object>> calls = new ArrayDeque<>(); // guarded by itself

    void addTo(Routes routes) {
        routes.add("/admin/webhook", "POST", request -> {
            Map<String, Object> body = Json.parseObject(request.body()); // refuses what is not a JSON object
            synchronized (calls) {
                if (calls.size() == MAX_CALLS) {
                    calls.removeFirst();
                }
                calls.addLast(body);
            }
            return Reply.json(200, Map.of("received", true));
        });
        routes.add("/admin/webhook", "GET", request -> {
            List<Map<String, Object>> copy;
            synchronized (calls) {
                copy = new ArrayList<>(calls);
            }
            return Reply.json(200, copy);
        });
        routes.add("/admin/webhook", "DELETE", request -> {
            synchronized (calls) {
                calls.clear();
            }
            return Reply.json(200, List.of());
        });
    }
}
