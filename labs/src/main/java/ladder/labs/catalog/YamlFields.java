package ladder.labs.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ladder.model.lab.LabDefinitionProblem;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read field by field, recording every problem with the file, line and field path
 * instead of failing at the first one. Unknown fields are problems too: a typo must not pass silently.
 */
final class YamlFields {

    private final String file;
    private final String path;
    private final Node node;
    private final Map<String, NodeTuple> fields = new LinkedHashMap<>();
    private final List<String> read = new ArrayList<>();
    private final List<LabDefinitionProblem> problems;

    private YamlFields(String file, String path, Node node, List<LabDefinitionProblem> problems) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.problems = problems;
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
                if (fields.containsKey(key)) {
                    problem(tuple.getKeyNode(), field(key), "is given twice");
                }
                fields.put(key, tuple);
            }
        }
    }

    /** Reads a mapping; records a problem (and reads nothing) when the node is not one. */
    static YamlFields of(String file, String path, Node node, List<LabDefinitionProblem> problems) {
        if (!(node instanceof MappingNode)) {
            problems.add(new LabDefinitionProblem(
                    file, line(node), path.isEmpty() ? "(document)" : path, "must be a mapping of fields, found " + describe(node)));
        }
        return new YamlFields(file, path, node, problems);
    }

    /** A nested mapping, reporting into the same problem list. */
    YamlFields child(String childPath, Node childNode) {
        return of(file, childPath, childNode, problems);
    }

    String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    int line() {
        return line(node);
    }

    static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    boolean has(String key) {
        return fields.containsKey(key);
    }

    Optional<Node> node(String key) {
        read.add(key);
        NodeTuple tuple = fields.get(key);
        return Optional.ofNullable(tuple).map(NodeTuple::getValueNode);
    }

    @Nullable String string(String key, boolean required) {
        Optional<Node> value = node(key);
        if (value.isEmpty()) {
            if (required) {
                problem(node, field(key), "is required");
            }
            return null;
        }
        if (value.get() instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
            return scalar.getValue();
        }
        problem(value.get(), field(key), "must be a non-empty text, found " + describe(value.get()));
        return null;
    }

    String string(String key, String fallback) {
        String value = string(key, false);
        return value == null ? fallback : value;
    }

    /** A list of texts; a single text is accepted as a list of one. */
    List<String> strings(String key, boolean required) {
        Optional<Node> value = node(key);
        if (value.isEmpty()) {
            if (required) {
                problem(node, field(key), "is required");
            }
            return List.of();
        }
        if (value.get() instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
            return List.of(scalar.getValue());
        }
        List<String> result = new ArrayList<>();
        if (value.get() instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                Node item = sequence.getValue().get(i);
                if (item instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
                    result.add(scalar.getValue());
                } else {
                    problem(item, field(key) + "[" + i + "]", "must be a non-empty text, found " + describe(item));
                }
            }
            return result;
        }
        problem(value.get(), field(key), "must be a list of texts, found " + describe(value.get()));
        return List.of();
    }

    /** A mapping of text to text, e.g. labels. */
    Map<String, String> stringMap(String key) {
        Optional<Node> value = node(key);
        Map<String, String> result = new LinkedHashMap<>();
        if (value.isEmpty()) {
            return result;
        }
        if (!(value.get() instanceof MappingNode mapping)) {
            problem(value.get(), field(key), "must be a mapping of names to texts, found " + describe(value.get()));
            return result;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode name && tuple.getValueNode() instanceof ScalarNode text) {
                result.put(name.getValue(), text.getValue());
            } else {
                problem(tuple.getKeyNode(), field(key), "must map names to texts, found " + describe(tuple.getValueNode()));
            }
        }
        return result;
    }

    /** The items of a list field, each with its path ({@code checks[2]}). */
    List<Map.Entry<String, Node>> items(String key, boolean required) {
        Optional<Node> value = node(key);
        if (value.isEmpty()) {
            if (required) {
                problem(node, field(key), "is required");
            }
            return List.of();
        }
        if (!(value.get() instanceof SequenceNode sequence)) {
            problem(value.get(), field(key), "must be a list, found " + describe(value.get()));
            return List.of();
        }
        List<Map.Entry<String, Node>> items = new ArrayList<>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            items.add(Map.entry(field(key) + "[" + i + "]", sequence.getValue().get(i)));
        }
        return items;
    }

    /** Records every field present but never read, naming the accepted ones. */
    void rejectUnknownFields(List<String> accepted) {
        for (Map.Entry<String, NodeTuple> entry : fields.entrySet()) {
            if (!read.contains(entry.getKey()) && !accepted.contains(entry.getKey())) {
                problem(entry.getValue().getKeyNode(), field(entry.getKey()),
                        "is not a known field here (known: " + String.join(", ", accepted) + ")");
            }
        }
    }

    void problem(Node at, String field, String problem) {
        problems.add(new LabDefinitionProblem(file, line(at), field, problem));
    }

    /** Records a problem at the line of the field's value when it is present, else of this mapping. */
    void problem(String field, String problem) {
        String key = path.isEmpty() ? field : field.startsWith(path + ".") ? field.substring(path.length() + 1) : field;
        NodeTuple tuple = fields.get(key);
        int at = tuple == null ? line(node) : line(tuple.getValueNode());
        problems.add(new LabDefinitionProblem(file, at, field, problem));
    }

    static String describe(Node node) {
        return switch (node) {
            case MappingNode ignored -> "a mapping";
            case SequenceNode ignored -> "a list";
            case ScalarNode scalar when scalar.getValue().isBlank() -> "nothing";
            case ScalarNode scalar -> "'" + scalar.getValue() + "'";
            default -> "a " + node.getNodeId();
        };
    }
}
