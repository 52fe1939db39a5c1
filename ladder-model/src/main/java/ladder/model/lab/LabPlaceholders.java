package ladder.model.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of workspace files and check templates. A lab never knows its ports: they are
 * chosen when a session starts, and these placeholders are replaced by them.
 *
 * <ul>
 *   <li>{@code ${url:NAME}}: {@code http://127.0.0.1:PORT} of component NAME</li>
 *   <li>{@code ${host:NAME}}: {@code 127.0.0.1:PORT}, e.g. for a scrape target</li>
 *   <li>{@code ${port:NAME}}: {@code PORT}</li>
 *   <li>{@code ${NAME}} (checks only, no colon): a value captured by an earlier check, e.g. {@code ${traceId}}</li>
 * </ul>
 *
 * Anything else that looks like {@code ${...}} (such as Prometheus' relabel {@code ${1}}) is left alone.
 */
public final class LabPlaceholders {

    private static final Pattern COMPONENT = Pattern.compile("\\$\\{(url|host|port):([A-Za-z0-9_.-]+)}");
    private static final Pattern CAPTURE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_]*)}");

    private LabPlaceholders() {}

    /** A component placeholder found in a text. */
    public record Reference(String kind, String component) {}

    /** The component placeholders a text uses, in order. */
    public static List<Reference> componentReferences(String text) {
        List<Reference> references = new ArrayList<>();
        Matcher matcher = COMPONENT.matcher(text);
        while (matcher.find()) {
            references.add(new Reference(matcher.group(1), matcher.group(2)));
        }
        return references;
    }

    /** The capture placeholders ({@code ${traceId}}) a text uses, in order. */
    public static List<String> captureReferences(String text) {
        List<String> names = new ArrayList<>();
        Matcher matcher = CAPTURE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * Replaces component placeholders with the given ports.
     *
     * @throws IllegalArgumentException naming the placeholder whose component has no port
     */
    public static String renderComponents(String text, Map<String, Integer> ports) {
        Matcher matcher = COMPONENT.matcher(text);
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            String kind = matcher.group(1);
            String name = matcher.group(2);
            Integer port = ports.get(name);
            if (port == null) {
                throw new IllegalArgumentException(
                        "placeholder " + matcher.group() + " names no component of this lab (known: "
                                + String.join(", ", ports.keySet().stream().sorted().toList()) + ")");
            }
            String value = switch (kind) {
                case "url" -> "http://127.0.0.1:" + port;
                case "host" -> "127.0.0.1:" + port;
                default -> Integer.toString(port);
            };
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(rendered);
        return rendered.toString();
    }

    /**
     * Replaces capture placeholders with captured values.
     *
     * @param transform applied to each value (e.g. {@link Pattern#quote} inside a regular expression)
     * @throws IllegalArgumentException naming a placeholder no earlier check captured
     */
    public static String renderCaptures(
            String text, Map<String, String> captured, java.util.function.UnaryOperator<String> transform) {
        Matcher matcher = CAPTURE.matcher(text);
        StringBuilder rendered = new StringBuilder();
        while (matcher.find()) {
            String value = captured.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("placeholder " + matcher.group()
                        + " has no value: no check this one needs captured it (captured: "
                        + (captured.isEmpty() ? "nothing" : String.join(", ", captured.keySet().stream().sorted().toList()))
                        + ")");
            }
            matcher.appendReplacement(rendered, Matcher.quoteReplacement(transform.apply(value)));
        }
        matcher.appendTail(rendered);
        return rendered.toString();
    }
}
