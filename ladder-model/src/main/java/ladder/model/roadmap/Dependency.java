package ladder.model.roadmap;

import java.util.Objects;

/**
 * The DOT edge {@code from -> to}: goal {@code from} is a prerequisite of goal {@code to}.
 *
 * @param attributes the edge's attributes, kept for export (color, label, tailport...)
 */
public record Dependency(String from, String to, Attributes attributes) {
    public Dependency {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(attributes, "attributes");
    }

    /** A dependency without edge attributes. */
    public Dependency(String from, String to) {
        this(from, to, Attributes.empty());
    }

    /** Whether this edge runs from {@code from} to {@code to}, whatever its attributes. */
    public boolean connects(String from, String to) {
        return this.from.equals(from) && this.to.equals(to);
    }

    @Override
    public String toString() {
        return from + " -> " + to + (attributes.isEmpty() ? "" : " " + attributes);
    }
}
