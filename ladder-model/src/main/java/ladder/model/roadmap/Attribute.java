package ladder.model.roadmap;

import java.util.Objects;

/**
 * One DOT attribute as written: its name (case-sensitive, as Graphviz reads it), its value, and
 * whether the value is an HTML string ({@code label=<<b>x</b>>}), whose {@code value} then holds
 * the markup between the outer angle brackets.
 */
public record Attribute(String name, String value, boolean html) {
    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an attribute needs a name");
        }
    }

    /** A plain (non-HTML) attribute. */
    public static Attribute of(String name, String value) {
        return new Attribute(name, value, false);
    }
}
