package ladder.model.roadmap;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a roadmap as Graphviz DOT that {@link DotImporter} reads back to an equal roadmap, and that
 * plain {@code dot} renders like the seed: every goal gets explicit {@code status} and
 * {@code participants} attributes (an empty {@code participants=""} too) <em>and</em> the seed's fill colour ({@code style=filled} with
 * {@code fillcolor} green = done, chocolate = blocked, red = failed, and gold = in progress, a colour
 * the seed never needed), unless the goal has a {@code fillcolor} of its own, which wins.
 *
 * <p>Layout of the text: graph attributes, goals, dependencies, subgraphs, and last the top-level
 * {@code node}/{@code edge} defaults; a dependency drawn as several edges is written once per edge.
 * Goals and edges carry all their attributes themselves, so defaults come last: DOT applies them
 * only to what follows, and they are kept for later additions.
 *
 * <p>Ids and values are written bare when DOT allows it, else in double quotes with {@code "} as
 * {@code \"}; other backslashes stay as they are, since Graphviz gives them meaning ({@code \n},
 * {@code \l}); newlines stay raw inside the quotes. The one value DOT cannot spell, an odd run of
 * backslashes right before a quote or the end, gets one more backslash. HTML values are written
 * between angle brackets; they must be balanced, as every imported one is.
 */
public final class DotExporter {
    private static final Pattern PLAIN_ID = Pattern.compile("[A-Za-z_\\p{L}][A-Za-z_0-9\\p{L}\\p{N}]*");
    private static final Pattern NUMERAL = Pattern.compile("-?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)");
    private static final Set<String> KEYWORDS = Set.of("node", "edge", "graph", "digraph", "subgraph", "strict");
    private static final String INDENT = "  ";

    private DotExporter() {
    }

    /** The roadmap as DOT text, ending with a newline. */
    public static String export(Roadmap roadmap) {
        return write(roadmap, false);
    }

    /**
     * DOT meant only for rendering (the web app's SVG): {@link #export} plus a "Legend" cluster
     * showing each status' fill colour. Its legend nodes are no goals: do not import this text.
     */
    public static String forRendering(Roadmap roadmap) {
        return write(roadmap, true);
    }

    private static String write(Roadmap roadmap, boolean legend) {
        var out = new StringBuilder(256 + 160 * roadmap.goals().size() + 48 * roadmap.dependencies().size());
        if (roadmap.isStrict()) {
            out.append("strict ");
        }
        out.append("digraph ");
        roadmap.name().ifPresent(name -> id(out, name).append(' '));
        out.append("{\n");
        for (Attribute a : roadmap.graphAttributes()) {
            attribute(out.append(INDENT), a).append(";\n");
        }
        if (!roadmap.goals().isEmpty()) {
            out.append('\n');
        }
        for (Goal goal : roadmap.goals()) {
            goal(out.append(INDENT), goal);
        }
        if (!roadmap.dependencies().isEmpty()) {
            out.append('\n');
        }
        for (Dependency d : roadmap.dependencies()) {
            edge(out, d, d.attributes());
            d.moreEdges().forEach(more -> edge(out, d, more));
        }
        for (Subgraph s : roadmap.subgraphs()) {
            subgraph(out.append('\n'), s, INDENT);
        }
        if (!roadmap.nodeDefaults().isEmpty() || !roadmap.edgeDefaults().isEmpty()) {
            out.append('\n').append(INDENT).append("// defaults for goals and dependencies added later\n");
            if (!roadmap.nodeDefaults().isEmpty()) {
                attributeList(out.append(INDENT).append("node"), roadmap.nodeDefaults()).append(";\n");
            }
            if (!roadmap.edgeDefaults().isEmpty()) {
                attributeList(out.append(INDENT).append("edge"), roadmap.edgeDefaults()).append(";\n");
            }
        }
        if (legend) {
            legend(out, roadmap);
        }
        return out.append("}\n").toString();
    }

    private static void edge(StringBuilder out, Dependency d, Attributes attributes) {
        id(out.append(INDENT), d.from()).append(" -> ");
        id(out, d.to());
        attributeList(out, attributes).append(";\n");
    }

    private static void goal(StringBuilder out, Goal goal) {
        id(out, goal.id()).append(" [");
        int start = out.length();
        Attributes own = goal.attributes();
        if (!own.attribute("label").map(Attribute::html).orElse(false) && !goal.title().equals(goal.id())) {
            separated(out, start, Attribute.of("label", goal.title()));
        }
        separated(out, start, Attribute.of("status", goal.status().dotName()));
        separated(out, start, Attribute.of("participants", String.join(" ", goal.participants())));
        if (own.contains("tooltip")) {
            // the description cannot travel as the tooltip: the goal has a tooltip of its own
            separated(out, start, Attribute.of("description", goal.description()));
        } else if (!goal.description().isEmpty()) {
            separated(out, start, Attribute.of("tooltip", goal.description()));
        }
        Optional<String> fill = own.contains("fillcolor") ? Optional.empty() : goal.status().fillColor();
        boolean styled = false;
        for (Attribute a : own) {
            if (fill.isPresent() && a.name().equals("style") && !a.html()) {
                separated(out, start, Attribute.of("style", a.value() + ",filled"));
                styled = true;
            } else {
                separated(out, start, a);
            }
        }
        if (fill.isPresent()) {
            if (!styled) {
                separated(out, start, Attribute.of("style", "filled"));
            }
            separated(out, start, Attribute.of("fillcolor", fill.get()));
        }
        out.append("];\n");
    }

    private static void subgraph(StringBuilder out, Subgraph s, String indent) {
        out.append(indent);
        if (!s.id().isEmpty()) {
            id(out.append("subgraph "), s.id()).append(' ');
        }
        out.append("{\n");
        String inner = indent + INDENT;
        for (Attribute a : s.attributes()) {
            attribute(out.append(inner), a).append(";\n");
        }
        if (!s.nodeDefaults().isEmpty()) {
            attributeList(out.append(inner).append("node"), s.nodeDefaults()).append(";\n");
        }
        if (!s.edgeDefaults().isEmpty()) {
            attributeList(out.append(inner).append("edge"), s.edgeDefaults()).append(";\n");
        }
        for (String goalId : s.goalIds()) {
            id(out.append(inner), goalId).append(";\n");
        }
        for (Subgraph nested : s.subgraphs()) {
            subgraph(out, nested, inner);
        }
        out.append(indent).append("}\n");
    }

    private static void legend(StringBuilder out, Roadmap roadmap) {
        String cluster = unused(roadmap, "cluster_legend");
        out.append('\n').append(INDENT).append("subgraph ").append(cluster).append(" {\n");
        out.append(INDENT).append(INDENT).append("label=Legend;\n");
        String previous = null;
        for (GoalStatus status : GoalStatus.values()) {
            String nodeId = unused(roadmap, "legend_" + status.dotName());
            out.append(INDENT).append(INDENT).append(nodeId).append(" [label=").append(status.dotName())
                    .append(", shape=box");
            status.fillColor().ifPresent(color -> out.append(", style=filled, fillcolor=").append(color));
            out.append("];\n");
            if (previous != null) {
                // invisible edges keep the legend in one tidy column
                out.append(INDENT).append(INDENT).append(previous).append(" -> ").append(nodeId)
                        .append(" [style=invis];\n");
            }
            previous = nodeId;
        }
        out.append(INDENT).append("}\n");
    }

    private static String unused(Roadmap roadmap, String wanted) {
        String candidate = wanted;
        while (roadmap.contains(candidate)) {
            candidate = candidate + "_";
        }
        return candidate;
    }

    private static StringBuilder attributeList(StringBuilder out, Attributes attributes) {
        if (attributes.isEmpty()) {
            return out;
        }
        out.append(" [");
        int start = out.length();
        for (Attribute a : attributes) {
            separated(out, start, a);
        }
        return out.append(']');
    }

    private static void separated(StringBuilder out, int listStart, Attribute a) {
        if (out.length() > listStart) {
            out.append(", ");
        }
        attribute(out, a);
    }

    private static StringBuilder attribute(StringBuilder out, Attribute a) {
        id(out, a.name()).append('=');
        if (a.html()) {
            return out.append('<').append(a.value()).append('>');
        }
        return id(out, a.value());
    }

    /** Appends {@code text} as a DOT id: bare when DOT reads it back unchanged, else quoted. */
    static StringBuilder id(StringBuilder out, String text) {
        if (isBare(text)) {
            return out.append(text);
        }
        out.append('"');
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                int run = 0;
                while (i < n && text.charAt(i) == '\\') {
                    run++;
                    i++;
                }
                char after = i < n ? text.charAt(i) : '"';
                boolean endsRun = after == '"' || after == '\n' || (after == '\r' && i + 1 < n && text.charAt(i + 1) == '\n');
                out.append("\\".repeat(endsRun && run % 2 == 1 ? run + 1 : run));
                i--;
            } else if (c == '"') {
                out.append("\\\"");
            } else {
                out.append(c);
            }
        }
        return out.append('"');
    }

    private static boolean isBare(String text) {
        return (PLAIN_ID.matcher(text).matches() && !KEYWORDS.contains(text.toLowerCase(Locale.ROOT)))
                || NUMERAL.matcher(text).matches();
    }
}
