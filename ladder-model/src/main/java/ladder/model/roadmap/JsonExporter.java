package ladder.model.roadmap;

import java.util.List;
import ladder.model.JsonStrings;

/**
 * Writes a roadmap as JSON for the web app and API clients:
 * <pre>{@code
 * {"name": "...",                                  (only when the graph has a name)
 *  "attributes": {"rankdir": "TB"},                (graph attributes, in order)
 *  "goals": [{"id", "title", "description", "status", "participants": [],
 *             "prerequisites": [], "ready": true, "waitingOn": []}],
 *  "dependencies": [{"from", "to"}]}
 * }</pre>
 * Goals and dependencies come in the roadmap's order; {@code status} is the DOT name
 * ({@code in_progress}); strings are escaped per RFC 8259 (control characters as {@code \\uXXXX}).
 */
public final class JsonExporter {
    private JsonExporter() {
    }

    public static String export(Roadmap roadmap) {
        var out = new StringBuilder(128 + 256 * roadmap.goals().size());
        out.append('{');
        roadmap.name().ifPresent(name -> string(out.append("\"name\":"), name).append(','));
        out.append("\"attributes\":{");
        boolean first = true;
        for (Attribute a : roadmap.graphAttributes()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, a.name()).append(':');
            string(out, a.value());
        }
        out.append("},\"goals\":[");
        first = true;
        for (Goal goal : roadmap.goals()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            Readiness readiness = roadmap.readiness(goal.id());
            string(out.append("{\"id\":"), goal.id());
            string(out.append(",\"title\":"), goal.title());
            string(out.append(",\"description\":"), goal.description());
            string(out.append(",\"status\":"), goal.status().dotName());
            strings(out.append(",\"participants\":"), goal.participants());
            strings(out.append(",\"prerequisites\":"), roadmap.prerequisites(goal.id()));
            out.append(",\"ready\":").append(readiness.isReady());
            strings(out.append(",\"waitingOn\":"), readiness.waitingOn());
            out.append('}');
        }
        out.append("],\"dependencies\":[");
        first = true;
        for (Dependency d : roadmap.dependencies()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out.append("{\"from\":"), d.from());
            string(out.append(",\"to\":"), d.to()).append('}');
        }
        return out.append("]}").toString();
    }

    private static void strings(StringBuilder out, List<String> values) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(out, values.get(i));
        }
        out.append(']');
    }

    static StringBuilder string(StringBuilder out, String value) {
        return JsonStrings.append(out, value);
    }
}
