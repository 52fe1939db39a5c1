package ladder.model.roadmap;

import java.util.Objects;

/**
 * One DOT attribute as written: its name (case-sensitive, as Graphviz reads it), its value, and
 * whether the value is an HTML string ({@code label=<<b>x</b>>}), whose {@code value} then holds
 * the markup between the outer angle brackets.
 *
 * <p>Only attributes that DOT can write and Graphviz may render safely exist: no text that DOT
 * cannot carry (see {@code DotCharacters}), no HTML value with unbalanced angle brackets, none that
 * makes Graphviz read files, and no link that is not relative, {@code http(s):} or {@code mailto:}
 * (see {@code DotSafety}); the constructor throws {@link IllegalArgumentException} saying why.
 */
public record Attribute(String name, String value, boolean html) {
    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an attribute needs a name");
        }
        String shown = "attribute '" + DotCharacters.printable(name) + "'";
        String text = DotCharacters.problem("the name of " + shown, name);
        if (text == null) {
            text = html ? DotCharacters.htmlProblem("the HTML value of " + shown, value)
                    : DotCharacters.problem("the value of " + shown, value);
        }
        if (text != null) {
            throw new IllegalArgumentException(text);
        }
        String unsafe = DotSafety.problem(name, value, html);
        if (unsafe != null) {
            throw new IllegalArgumentException(unsafe);
        }
    }

    /** A plain (non-HTML) attribute. */
    public static Attribute of(String name, String value) {
        return new Attribute(name, value, false);
    }
}
