package ladder.model.roadmap;

import java.util.List;
import java.util.Objects;

/**
 * The DOT edge {@code from -> to}: goal {@code from} is a prerequisite of goal {@code to}.
 *
 * @param attributes the edge's attributes, kept for export (color, label, tailport...)
 * @param moreEdges  the attributes of each further edge written between the same two goals, in
 *                   order: in a graph that is not {@code strict}, Graphviz draws every edge written,
 *                   each with its own label, ports and colour, so they are kept for drawing and
 *                   export; they add no dependency. A strict roadmap has none: Graphviz merges such
 *                   edges into one, and so does the importer
 */
public record Dependency(String from, String to, Attributes attributes, List<Attributes> moreEdges) {
    public Dependency {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(attributes, "attributes");
        moreEdges = List.copyOf(moreEdges);
    }

    /** A dependency drawn as one edge. */
    public Dependency(String from, String to, Attributes attributes) {
        this(from, to, attributes, List.of());
    }

    /** A dependency without edge attributes. */
    public Dependency(String from, String to) {
        this(from, to, Attributes.empty());
    }

    /** Whether this edge runs from {@code from} to {@code to}, whatever its attributes. */
    public boolean connects(String from, String to) {
        return this.from.equals(from) && this.to.equals(to);
    }

    /** How many edges Graphviz draws for this dependency: one, plus {@link #moreEdges()}. */
    public int edgeCount() {
        return 1 + moreEdges.size();
    }

    @Override
    public String toString() {
        return from + " -> " + to + (attributes.isEmpty() ? "" : " " + attributes)
                + (moreEdges.isEmpty() ? "" : " and " + moreEdges.size() + " more edges " + moreEdges);
    }
}
