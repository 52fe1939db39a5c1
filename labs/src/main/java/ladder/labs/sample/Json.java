package ladder.labs.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON the sample service reads and writes, through one Jackson mapper. */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private Json() {
    }

    /** An object with its fields in the given order: {@code fields("status", "UP", "service", name)}. */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    /** {@code value} as JSON text: maps become objects in their order, records objects of their components. */
    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /**
     * Reads a JSON object; blank text is an empty one.
     *
     * @throws IllegalArgumentException when the text is not a JSON object, with the parser's first line
     */
    static Map<String, Object> parseObject(String text) {
        if (text.isBlank()) {
            return Map.of();
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (!tree.isObject()) {
            throw new IllegalArgumentException("expected a JSON object like {\"errorRate\":0.5,\"latencyMs\":200}");
        }
        return MAPPER.convertValue(tree, OBJECT);
    }
}
