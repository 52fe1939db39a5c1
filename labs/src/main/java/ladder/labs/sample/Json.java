package ladder.labs.sample;

import java.util.Map;
import ladder.model.JsonStrings;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The little JSON the sample service writes and reads, without a JSON library on its class path. */
final class Json {

    private Json() {
    }

    static String quote(@Nullable String value) {
        return value == null ? "null" : JsonStrings.append(new StringBuilder(value.length() + 2), value).toString();
    }

    static String object(Map<String, ?> fields) {
        StringBuilder out = new StringBuilder("{");
        fields.forEach((key, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(key)).append(':');
            if (value instanceof Number || value instanceof Boolean) {
                out.append(value);
            } else if (value instanceof RawJson raw) {
                out.append(raw.json());
            } else {
                out.append(quote(value == null ? null : value.toString()));
            }
        });
        return out.append('}').toString();
    }

    /** JSON text inserted as it is, for values that are already JSON. */
    record RawJson(String json) {
    }

    /**
     * Reads a JSON object (JSON is YAML, and SnakeYAML's safe constructor builds only maps, lists and scalars).
     *
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    static Map<?, ?> parseObject(String text) {
        if (text.isBlank()) {
            return Map.of();
        }
        Object parsed;
        try {
            parsed = loadSafely(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        if (parsed instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException("expected a JSON object like {\"errorRate\":0.5,\"latencyMs\":200}");
    }

    /**
     * Reads small YAML (or JSON) text with SnakeYAML's safe constructor: maps, lists and scalars only,
     * at most 64 KiB, no aliases.
     *
     * @throws IllegalArgumentException with the first line of the parser's complaint
     */
    static @Nullable Object loadSafely(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024);
        options.setMaxAliasesForCollections(0);
        try {
            return new Yaml(new SafeConstructor(options)).load(text);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new IllegalArgumentException(message.lines().findFirst().orElse(""));
        }
    }
}
