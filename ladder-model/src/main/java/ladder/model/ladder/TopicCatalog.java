package ladder.model.ladder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The topics learners climb the ladder in, in catalog order, with unique ids. Immutable.
 *
 * <h2>File format</h2>
 * Tab-separated text, UTF-8, so it can be edited in a text editor or a spreadsheet. Lines that are
 * blank or start with {@code #} are ignored. The first other line is the header naming the columns,
 * in any order:
 * <ul>
 *   <li>required: {@code id} (a slug, unique), {@code name}, {@code area}, {@code description};</li>
 *   <li>optional: one column per rung id ({@code symbols} … {@code competitiveness}) holding what
 *       that rung means for the topic, and {@code retired} ({@code true}, {@code false} or empty).</li>
 * </ul>
 * Each following line is one topic. Missing trailing cells and empty cells are empty; a line with
 * more cells than the header is an error. Cells are trimmed.
 */
public final class TopicCatalog {

    /** The classpath resource of the default catalog. */
    public static final String DEFAULT_RESOURCE = "/ladder/model/ladder/topics.tsv";

    private static final List<String> REQUIRED_COLUMNS = List.of("id", "name", "area", "description");

    private final List<Topic> topics;
    private final Map<String, Topic> byId;

    private TopicCatalog(List<Topic> topics) {
        this.topics = List.copyOf(topics);
        Map<String, Topic> index = new HashMap<>();
        for (Topic topic : topics) {
            if (index.putIfAbsent(topic.id(), topic) != null) {
                throw new IllegalArgumentException("duplicate topic id '" + topic.id() + "'");
            }
        }
        this.byId = Map.copyOf(index);
    }

    /**
     * A catalog of the given topics, in that order.
     *
     * @throws IllegalArgumentException when two topics share an id
     */
    public static TopicCatalog of(List<Topic> topics) {
        return new TopicCatalog(topics);
    }

    /** The catalog shipped with Ladder ({@value #DEFAULT_RESOURCE}). */
    public static TopicCatalog loadDefault() {
        try (InputStream in = TopicCatalog.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the default topic catalog " + DEFAULT_RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "topics.tsv");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default topic catalog", e);
        }
    }

    /**
     * Parses a catalog in the format described above.
     *
     * @param text   the file's content
     * @param source a name for the file in error messages, for example its file name
     * @throws TopicCatalogException naming the source, the line and the problem
     */
    public static TopicCatalog parse(String text, String source) {
        List<Topic> topics = new ArrayList<>();
        Map<String, Integer> firstLineOfId = new HashMap<>();
        List<String> header = null;
        String[] lines = text.split("\r?\n", -1);
        for (int index = 0; index < lines.length; index++) {
            int lineNumber = index + 1;
            String line = lines[index];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.split("\t", -1)).map(String::strip).toList();
            if (header == null) {
                header = readHeader(cells, source, lineNumber);
                continue;
            }
            Topic topic = readTopic(header, cells, source, lineNumber);
            Integer first = firstLineOfId.putIfAbsent(topic.id(), lineNumber);
            if (first != null) {
                throw new TopicCatalogException(source, lineNumber,
                        "duplicate topic id '" + topic.id() + "' (first on line " + first + ")");
            }
            topics.add(topic);
        }
        if (header == null) {
            throw new TopicCatalogException(source, lines.length, "no header line: expected the columns "
                    + String.join(", ", REQUIRED_COLUMNS));
        }
        return new TopicCatalog(topics);
    }

    private static List<String> readHeader(List<String> cells, String source, int line) {
        List<String> header = cells.stream().map(cell -> cell.toLowerCase(Locale.ROOT)).toList();
        List<String> known = new ArrayList<>(REQUIRED_COLUMNS);
        Arrays.stream(Rung.values()).map(Rung::id).forEach(known::add);
        known.add("retired");
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            if (!known.contains(column)) {
                throw new TopicCatalogException(source, line, "unknown column '" + cells.get(i)
                        + "'; known columns: " + String.join(", ", known));
            }
            if (header.indexOf(column) != i) {
                throw new TopicCatalogException(source, line, "column '" + column + "' appears twice");
            }
        }
        for (String required : REQUIRED_COLUMNS) {
            if (!header.contains(required)) {
                throw new TopicCatalogException(source, line, "the header lacks the column '" + required + "'");
            }
        }
        return header;
    }

    private static Topic readTopic(List<String> header, List<String> cells, String source, int line) {
        if (cells.size() > header.size()) {
            throw new TopicCatalogException(source, line, "expected at most " + header.size()
                    + " tab-separated cells as in the header, found " + cells.size());
        }
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), i < cells.size() ? cells.get(i) : "");
        }
        String id = row.get("id");
        if (!Topic.isSlug(id)) {
            throw new TopicCatalogException(source, line, id.isEmpty()
                    ? "the topic id is empty"
                    : "topic id '" + id + "' is not a slug: use lowercase letters, digits and single"
                            + " dashes, starting with a letter");
        }
        for (String required : List.of("name", "area")) {
            if (row.get(required).isEmpty()) {
                throw new TopicCatalogException(source, line, "topic '" + id + "' has no " + required);
            }
        }
        Map<Rung, String> rungDescriptions = new EnumMap<>(Rung.class);
        for (Rung rung : Rung.values()) {
            String description = row.getOrDefault(rung.id(), "");
            if (!description.isEmpty()) {
                rungDescriptions.put(rung, description);
            }
        }
        String retired = row.getOrDefault("retired", "").toLowerCase(Locale.ROOT);
        if (!List.of("", "true", "false").contains(retired)) {
            throw new TopicCatalogException(source, line, "retired must be true, false or empty, not '"
                    + row.get("retired") + "'");
        }
        return new Topic(id, row.get("name"), row.get("area"), row.get("description"), rungDescriptions,
                retired.equals("true"));
    }

    /** Every topic, retired ones included, in catalog order. */
    public List<Topic> topics() {
        return topics;
    }

    /** The topics that take new claims, in catalog order. */
    public List<Topic> active() {
        return topics.stream().filter(topic -> !topic.retired()).toList();
    }

    /** The active topics grouped by area; areas and topics in catalog order. */
    public Map<String, List<Topic>> activeByArea() {
        return active().stream().collect(Collectors.groupingBy(Topic::area, LinkedHashMap::new, Collectors.toList()));
    }

    /** The topic with this id, retired or not. */
    public Optional<Topic> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The active topic with this id: the check to make before accepting a new claim.
     *
     * @throws IllegalArgumentException when there is no such topic or it is retired
     */
    public Topic requireActive(String id) {
        Topic topic = byId.get(id);
        if (topic == null) {
            throw new IllegalArgumentException("unknown topic '" + id + "'");
        }
        if (topic.retired()) {
            throw new IllegalArgumentException("topic '" + id + "' is retired and takes no new claims");
        }
        return topic;
    }
}
