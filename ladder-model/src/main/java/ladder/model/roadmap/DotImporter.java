package ladder.model.roadmap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a roadmap from Graphviz DOT text, following the DOT conventions of DESIGN.md: node id =
 * goal id; {@code label} = title (default: the id); {@code description}, else {@code tooltip} =
 * description; {@code status} (pending, in_progress, done, blocked, failed), else the fill colour
 * (none = pending, gold = in progress, green = done, chocolate = blocked, red = failed);
 * {@code participants} = blank-separated handles; edge {@code a -> b} = {@code a} is a prerequisite
 * of {@code b}. Every other attribute, default and subgraph is kept for {@link DotExporter}.
 *
 * <p>Accepts the DOT people write: quoted, numeral, unicode and HTML ids, {@code //}, {@code /* *}{@code /}
 * and {@code #} comments (to the end of the line, wherever they start outside a string, as in
 * Graphviz), {@code node}, {@code edge} and {@code graph} defaults, {@code a=b} statements, chains
 * {@code a -> b -> c}, sets {@code a -> {b c}}, subgraphs and clusters, ports (kept as
 * {@code tailport}/{@code headport}), {@code strict}, optional separators, keywords in any case.
 * Default attributes apply to the goals and edges declared after them, as in Graphviz; an edge
 * written twice is one dependency; Graphviz draws each edge written, so the further ones are kept
 * as its {@link Dependency#moreEdges()}, except in a {@code strict} graph, whose edges Graphviz
 * merges into one, as the importer does.
 *
 * <p>Refuses, with a {@link DotImportException} and nothing returned: text that is not one directed
 * graph, syntax errors (with line and column), undirected graphs and {@code --} edges, cycles (named),
 * self-loops, unknown statuses, participants that are not {@code @handles}, goal ids longer than
 * {@value Goal#MAX_ID_LENGTH} characters, subgraphs nested deeper than {@value #MAX_NESTING}, NUL
 * characters, and attributes that would make Graphviz read files or a browser run script
 * ({@code image}, {@code imagepath}, {@code shapefile}, {@code fontpath}, {@code fontnames},
 * {@code stylesheet}, font paths, {@code <IMG>} in HTML strings; links that, HTML entities decoded,
 * are not relative, {@code http(s):} or {@code mailto:}, or that use Graphviz's escapes such as
 * {@code \N}; script schemes in tooltips and descriptions) wherever they appear. Text over the
 * size limits gets the subtype {@link DotTooLargeException}.
 *
 * <p>Reads nothing but the string given: no files, no network, no Graphviz. Linear in the text's length.
 */
public final class DotImporter {
    /** Largest accepted text, in bytes of UTF-8 (1 MiB). */
    public static final int MAX_BYTES = 1024 * 1024;
    /** Most goals in one roadmap. */
    public static final int MAX_GOALS = 2_000;
    /** Most edges in one file, counting each one written (a set {@code {a b} -> {c d}} writes four). */
    public static final int MAX_EDGES = 10_000;
    /** Deepest nesting of subgraphs. */
    public static final int MAX_NESTING = 32;

    /** Node attributes that hold goal fields; they are folded into the goals, not kept as defaults. */
    static final Set<String> GOAL_FIELDS =
            Set.of("label", "status", "participants", "description", "tooltip", "style", "fillcolor");

    private final DotTokenizer tokenizer;
    private final List<DotToken> lookahead = new ArrayList<>(2);
    private final LinkedHashMap<String, Node> nodes = new LinkedHashMap<>();
    private final LinkedHashMap<String, Edge> edges = new LinkedHashMap<>();
    private int edgesWritten;
    private boolean strict;

    private DotImporter(DotTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /**
     * The roadmap that {@code dot} describes. A {@code charset} graph attribute is dropped: the text is
     * Unicode already, whatever it says it was (see {@link DotText} for files as bytes).
     *
     * @throws DotTooLargeException when the text, its goals or its edges exceed the limits
     * @throws DotImportException   when the text is refused for any other reason; the message says
     *                              why and, when it applies, at which line and column
     */
    public static Roadmap parse(String dot) throws DotImportException {
        if (dot.length() > MAX_BYTES || utf8Length(dot) > MAX_BYTES) {
            throw new DotTooLargeException("the DOT text has more than " + MAX_BYTES + " bytes (1 MiB)");
        }
        int nul = dot.indexOf('\0');
        if (nul >= 0) {
            int line = 1 + (int) dot.substring(0, nul).chars().filter(c -> c == '\n').count();
            int column = nul - dot.lastIndexOf('\n', nul - 1);
            throw new DotImportException("NUL character: this is not DOT text", line, column);
        }
        if (dot.isBlank()) {
            throw new DotImportException("empty input: expected a 'digraph { ... }'");
        }
        try {
            return new DotImporter(new DotTokenizer(dot)).graph();
        } catch (IllegalArgumentException refused) {
            // a rule of the model met where the reader knows no place, such as a port DOT cannot write back
            throw new DotImportException(String.valueOf(refused.getMessage()));
        }
    }

    /**
     * The roadmap that the DOT file {@code bytes} describe, decoded by its declared charset as
     * {@link DotText#decode(byte[])} says (UTF-8 by default; Latin-1 and Big5 when declared).
     *
     * @throws DotTooLargeException when the bytes, goals or edges exceed the limits
     * @throws DotImportException   when the bytes are not valid in their charset, or for the reasons
     *                              of {@link #parse(String)}
     */
    public static Roadmap parse(byte[] bytes) throws DotImportException {
        return parse(DotText.decode(bytes));
    }

    private Roadmap graph() throws DotImportException {
        if (peek().kind() == DotToken.Kind.EOF) {
            throw new DotImportException("empty input: only comments, expected a 'digraph { ... }'");
        }
        if (peek().isKeyword("strict")) {
            next();
            strict = true;
        }
        DotToken kind = next();
        if (kind.isKeyword("graph")) {
            throw error("undirected 'graph' is not a roadmap: use 'digraph' with '->' edges", kind);
        }
        if (!kind.isKeyword("digraph")) {
            throw error("expected 'digraph' but found " + kind.describe(), kind);
        }
        String name = null;
        if (peek().kind() == DotToken.Kind.ID) {
            DotToken id = concatenated(next());
            if (id.isAnyKeyword()) {
                throw error("a graph cannot be named with the keyword " + id.describe() + ": quote it", id);
            }
            name = id.text();
        }
        DotToken open = expect(DotToken.Kind.LBRACE, "'{' to open the graph");
        Scope root = new Scope("", 0, new LinkedHashMap<>(), new LinkedHashMap<>());
        statements(root);
        expectClosing(open, "graph");
        DotToken after = peek();
        if (after.kind() != DotToken.Kind.EOF) {
            if (after.isKeyword("digraph") || after.isKeyword("graph") || after.isKeyword("strict")) {
                throw error("several graphs in one file: a roadmap file holds exactly one digraph", after);
            }
            throw error("unexpected " + after.describe() + " after the graph's closing '}'", after);
        }
        return build(name, strict, root);
    }

    private void statements(Scope scope) throws DotImportException {
        while (peek().kind() != DotToken.Kind.RBRACE && peek().kind() != DotToken.Kind.EOF) {
            if (peek().kind() == DotToken.Kind.SEMICOLON) {
                next();
                continue;
            }
            statement(scope);
            if (peek().kind() == DotToken.Kind.SEMICOLON) {
                next();
            }
        }
    }

    private void statement(Scope scope) throws DotImportException {
        DotToken first = peek();
        if (first.isKeyword("node") || first.isKeyword("edge") || first.isKeyword("graph")) {
            next();
            if (peek().kind() != DotToken.Kind.LBRACKET) {
                throw error("expected '[' after " + first.describe() + " but found " + peek().describe(), peek());
            }
            if (first.isKeyword("node")) {
                for (Attribute a : attributeList(true)) {
                    scope.nodeDefaults.put(a.name(), a);
                    scope.ownNodeDefaults.put(a.name(), a);
                }
            } else if (first.isKeyword("edge")) {
                for (Attribute a : attributeList(false)) {
                    scope.edgeDefaults.put(a.name(), a);
                    scope.ownEdgeDefaults.put(a.name(), a);
                }
            } else {
                attributeList(false).forEach(a -> scope.graphAttributes.put(a.name(), a));
            }
            return;
        }
        if (first.isKeyword("digraph") || first.isKeyword("strict")) {
            throw error("several graphs in one file: " + first.describe() + " inside a graph", first);
        }
        if (first.kind() == DotToken.Kind.ID && !first.isAnyKeyword() && peekAt(1).kind() == DotToken.Kind.EQUALS) {
            Attribute a = attribute(false);
            scope.graphAttributes.put(a.name(), a);
            return;
        }
        Operand operand = operand(scope);
        if (peek().kind() == DotToken.Kind.ARROW) {
            edgeChain(scope, operand);
        } else if (peek().kind() == DotToken.Kind.UNDIRECTED_EDGE) {
            throw error("undirected edge '--': a roadmap's edges are directed, use '->'", peek());
        } else if (operand.subgraph != null) {
            place(scope, operand.subgraph, false);
        } else if (peek().kind() == DotToken.Kind.LBRACKET) {
            Node node = nodes.get(operand.ids.get(0));
            attributeList(true).forEach(a -> node.attributes.put(a.name(), a));
        }
    }

    private void edgeChain(Scope scope, Operand first) throws DotImportException {
        var operands = new ArrayList<Operand>();
        var arrows = new ArrayList<DotToken>();
        operands.add(first);
        while (peek().kind() == DotToken.Kind.ARROW) {
            arrows.add(next());
            operands.add(operand(scope));
        }
        if (peek().kind() == DotToken.Kind.UNDIRECTED_EDGE) {
            throw error("undirected edge '--': a roadmap's edges are directed, use '->'", peek());
        }
        List<Attribute> attributes = peek().kind() == DotToken.Kind.LBRACKET ? attributeList(false) : List.of();
        for (Operand o : operands) {
            if (o.subgraph != null) {
                place(scope, o.subgraph, true);
            }
        }
        for (int i = 0; i + 1 < operands.size(); i++) {
            Operand tail = operands.get(i);
            Operand head = operands.get(i + 1);
            for (String from : tail.ids) {
                for (String to : head.ids) {
                    addEdge(scope, from, to, tail.port, head.port, attributes, arrows.get(i));
                }
            }
        }
    }

    private void addEdge(Scope scope, String from, String to, @Nullable String tailPort, @Nullable String headPort,
                         List<Attribute> attributes, DotToken arrow) throws DotImportException {
        if (from.equals(to)) {
            throw error("self-loop: goal '" + from + "' cannot depend on itself", arrow);
        }
        if (++edgesWritten > MAX_EDGES) {
            throw new DotTooLargeException("more than " + MAX_EDGES + " edges", arrow.line(), arrow.column());
        }
        Edge edge = edges.get(from + '\0' + to);
        LinkedHashMap<String, Attribute> drawn;
        if (edge == null) {
            edge = new Edge(from, to, new LinkedHashMap<>(scope.edgeDefaults), new ArrayList<>());
            edges.put(from + '\0' + to, edge);
            drawn = edge.attributes;
        } else if (strict) {
            drawn = edge.attributes; // Graphviz merges the edges of a strict graph into one
        } else {
            drawn = new LinkedHashMap<>(scope.edgeDefaults); // Graphviz draws this one too
            edge.more.add(drawn);
        }
        if (tailPort != null) {
            drawn.put("tailport", Attribute.of("tailport", tailPort));
        }
        if (headPort != null) {
            drawn.put("headport", Attribute.of("headport", headPort));
        }
        attributes.forEach(a -> drawn.put(a.name(), a));
    }

    private Operand operand(Scope scope) throws DotImportException {
        DotToken t = peek();
        if (t.isKeyword("subgraph") || t.kind() == DotToken.Kind.LBRACE) {
            Scope sub = subgraph(scope);
            return new Operand(List.copyOf(sub.allNodes), null, sub);
        }
        if (t.kind() != DotToken.Kind.ID || t.isAnyKeyword()) {
            throw error("expected a goal id, 'subgraph' or '{' but found " + t.describe(), t);
        }
        t = concatenated(next());
        String port = null;
        if (peek().kind() == DotToken.Kind.COLON) {
            next();
            port = expectId("a port after ':'").text();
            if (peek().kind() == DotToken.Kind.COLON) {
                next();
                port = port + ":" + expectId("a compass point after ':'").text();
            }
        }
        node(t, scope);
        return new Operand(List.of(t.text()), port, null);
    }

    private Scope subgraph(Scope parent) throws DotImportException {
        String id = "";
        if (peek().isKeyword("subgraph")) {
            next();
            if (peek().kind() == DotToken.Kind.ID && !peek().isAnyKeyword()) {
                id = concatenated(next()).text();
            }
        }
        if (peek().kind() != DotToken.Kind.LBRACE) {
            throw error("expected '{' to open the subgraph but found " + peek().describe(), peek());
        }
        DotToken open = next();
        if (parent.depth + 1 > MAX_NESTING) {
            throw error("subgraphs nested deeper than " + MAX_NESTING + " levels", open);
        }
        Scope scope = new Scope(id, parent.depth + 1, parent.nodeDefaults, parent.edgeDefaults);
        statements(scope);
        expectClosing(open, "subgraph");
        return scope;
    }

    /** Keeps a subgraph for export, except a bare anonymous set such as the {@code {b c}} of {@code a -> {b c}}. */
    private static void place(Scope parent, Scope sub, boolean edgeOperand) {
        boolean bare = sub.id.isEmpty() && sub.graphAttributes.isEmpty()
                && sub.ownNodeDefaults.isEmpty() && sub.ownEdgeDefaults.isEmpty();
        if (edgeOperand && bare) {
            parent.members.addAll(sub.members);
            parent.children.addAll(sub.children);
        } else {
            parent.children.add(sub.toSubgraph());
        }
        parent.allNodes.addAll(sub.allNodes);
    }

    private void node(DotToken id, Scope scope) throws DotImportException {
        if (id.html()) {
            throw error("an HTML string cannot be a goal id", id);
        }
        String goalId = id.text();
        String problem = Goal.idProblem(goalId);
        if (problem != null) {
            throw error(problem, id);
        }
        if (!nodes.containsKey(goalId)) {
            if (nodes.size() >= MAX_GOALS) {
                throw new DotTooLargeException("more than " + MAX_GOALS + " goals", id.line(), id.column());
            }
            nodes.put(goalId, new Node(id, new LinkedHashMap<>(scope.nodeDefaults)));
        }
        scope.members.add(goalId);
        scope.allNodes.add(goalId);
    }

    private List<Attribute> attributeList(boolean ofNodes) throws DotImportException {
        var list = new ArrayList<Attribute>();
        while (peek().kind() == DotToken.Kind.LBRACKET) {
            next();
            while (peek().kind() != DotToken.Kind.RBRACKET) {
                list.add(attribute(ofNodes));
                if (peek().kind() == DotToken.Kind.SEMICOLON || peek().kind() == DotToken.Kind.COMMA) {
                    next();
                }
            }
            next();
        }
        return list;
    }

    private Attribute attribute(boolean ofNodes) throws DotImportException {
        DotToken name = peek();
        if (name.kind() != DotToken.Kind.ID || name.html()) {
            throw error("expected an attribute name or ']' but found " + name.describe(), name);
        }
        next();
        if (peek().kind() != DotToken.Kind.EQUALS) {
            throw error("expected '=' after attribute " + name.describe() + " but found " + peek().describe(), peek());
        }
        next();
        DotToken valueToken = concatenated(expectId("a value for attribute " + name.describe()));
        String value = valueToken.text();
        Attribute attribute;
        try {
            attribute = new Attribute(name.text(), value, valueToken.html());
        } catch (IllegalArgumentException unsafe) {
            throw error(String.valueOf(unsafe.getMessage()), name);
        }
        if (ofNodes && attribute.name().equals("status") && GoalStatus.fromDotName(value).isEmpty()) {
            throw error("unknown status '" + value + "': allowed are " + GoalStatus.allowedNames(), valueToken);
        }
        if (ofNodes && attribute.name().equals("participants")) {
            for (String handle : handles(value)) {
                String problem = Goal.participantProblem(handle);
                if (problem != null) {
                    throw error(problem, valueToken);
                }
            }
        }
        return attribute;
    }

    private Roadmap build(@Nullable String name, boolean strict, Scope root) throws DotImportException {
        var builder = Roadmap.builder().name(name).strict(strict)
                .graphAttributes(Attributes.of(new ArrayList<>(root.graphAttributes.values())))
                .nodeDefaults(withoutGoalFields(root.ownNodeDefaults))
                .edgeDefaults(Attributes.of(new ArrayList<>(root.ownEdgeDefaults.values())));
        for (Map.Entry<String, Node> e : nodes.entrySet()) {
            builder.goal(goal(e.getKey(), e.getValue()));
        }
        for (Edge edge : edges.values()) {
            builder.dependency(new Dependency(edge.from, edge.to, Attributes.of(new ArrayList<>(edge.attributes.values())),
                    edge.more.stream().map(more -> Attributes.of(new ArrayList<>(more.values()))).toList()));
        }
        root.children.forEach(builder::subgraph);
        try {
            return builder.build();
        } catch (CycleException e) {
            throw new DotImportException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new DotImportException(String.valueOf(e.getMessage()));
        }
    }

    private Goal goal(String id, Node node) throws DotImportException {
        try {
            return goalOf(id, node);
        } catch (IllegalArgumentException e) {
            throw error(String.valueOf(e.getMessage()), node.declared);
        }
    }

    private Goal goalOf(String id, Node node) {
        var attributes = new LinkedHashMap<>(node.attributes);
        Attribute statusAttribute = attributes.remove("status");
        Attribute fill = attributes.get("fillcolor");
        Optional<GoalStatus> fillStatus = fill == null || fill.html() ? Optional.empty() : GoalStatus.fromFillColor(fill.value());
        GoalStatus status = statusAttribute != null
                ? GoalStatus.fromDotName(statusAttribute.value()).orElseThrow()
                : fillStatus.orElse(GoalStatus.PENDING);
        if (fillStatus.isPresent() && fillStatus.get() == status) {
            // the fill colour only encodes the status: export writes it back from the status
            attributes.remove("fillcolor");
            Attribute style = attributes.get("style");
            if (style != null) {
                String rest = withoutLastFilled(style.value());
                if (rest == null) {
                    attributes.remove("style");
                } else {
                    attributes.put("style", new Attribute("style", rest, style.html()));
                }
            }
        }
        Attribute label = attributes.get("label");
        String title = label == null ? id : label.value();
        if (label != null && !label.html()) {
            attributes.remove("label");
        }
        Attribute description = attributes.remove("description");
        if (description == null) {
            description = attributes.remove("tooltip");
        }
        Attribute participants = attributes.remove("participants");
        return new Goal(id, title, description == null ? "" : description.value(), status,
                participants == null ? List.of() : handles(participants.value()),
                Attributes.of(new ArrayList<>(attributes.values())));
    }

    /** The style without its last {@code filled} entry: the text unchanged if none, null if nothing is left. */
    static @Nullable String withoutLastFilled(String style) {
        List<String> parts = new ArrayList<>(Arrays.asList(style.split(",", -1)));
        for (int i = parts.size() - 1; i >= 0; i--) {
            if (parts.get(i).strip().equalsIgnoreCase("filled")) {
                parts.remove(i);
                return parts.isEmpty() ? null : String.join(",", parts);
            }
        }
        return style;
    }

    static List<String> handles(String participants) {
        String stripped = participants.strip();
        return stripped.isEmpty() ? List.of() : List.of(stripped.split("\\s+"));
    }

    private static Attributes withoutGoalFields(Map<String, Attribute> defaults) {
        return Attributes.of(defaults.values().stream().filter(a -> !GOAL_FIELDS.contains(a.name())).toList());
    }

    private DotToken peek() throws DotImportException {
        return peekAt(0);
    }

    private DotToken peekAt(int ahead) throws DotImportException {
        while (lookahead.size() <= ahead) {
            lookahead.add(tokenizer.next());
        }
        return lookahead.get(ahead);
    }

    private DotToken next() throws DotImportException {
        DotToken t = peek();
        lookahead.remove(0);
        return t;
    }

    private DotToken expect(DotToken.Kind kind, String what) throws DotImportException {
        if (peek().kind() != kind) {
            throw error("expected " + what + " but found " + peek().describe(), peek());
        }
        return next();
    }

    private DotToken expectId(String what) throws DotImportException {
        if (peek().kind() != DotToken.Kind.ID) {
            throw error("expected " + what + " but found " + peek().describe(), peek());
        }
        return next();
    }

    private void expectClosing(DotToken open, String what) throws DotImportException {
        if (peek().kind() != DotToken.Kind.RBRACE) {
            throw error("expected '}' to close the " + what + " opened at line " + open.line()
                    + ", column " + open.column() + " but found " + peek().describe(), peek());
        }
        next();
    }

    /** The quoted string {@code first} joined with those that follow it after {@code +}: {@code "a" + "b"}. */
    private DotToken concatenated(DotToken first) throws DotImportException {
        if (!first.quoted() || peek().kind() != DotToken.Kind.PLUS) {
            return first;
        }
        var joined = new StringBuilder(first.text());
        while (peek().kind() == DotToken.Kind.PLUS) {
            next();
            DotToken more = expectId("a quoted string after '+'");
            if (!more.quoted()) {
                throw error("only quoted strings can be joined with '+'", more);
            }
            joined.append(more.text());
        }
        return new DotToken(DotToken.Kind.ID, joined.toString(), true, false, first.line(), first.column());
    }

    private static DotImportException error(String reason, DotToken at) {
        return new DotImportException(reason, at.line(), at.column());
    }

    private static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private record Operand(List<String> ids, @Nullable String port, @Nullable Scope subgraph) {
    }

    private record Node(DotToken declared, LinkedHashMap<String, Attribute> attributes) {
    }

    private record Edge(String from, String to, LinkedHashMap<String, Attribute> attributes,
                        List<LinkedHashMap<String, Attribute>> more) {
    }

    /** The graph or a subgraph being read, with the defaults in force inside it. */
    private static final class Scope {
        final String id;
        final int depth;
        final LinkedHashMap<String, Attribute> graphAttributes = new LinkedHashMap<>();
        final LinkedHashMap<String, Attribute> nodeDefaults;
        final LinkedHashMap<String, Attribute> edgeDefaults;
        final LinkedHashMap<String, Attribute> ownNodeDefaults = new LinkedHashMap<>();
        final LinkedHashMap<String, Attribute> ownEdgeDefaults = new LinkedHashMap<>();
        final LinkedHashSet<String> members = new LinkedHashSet<>();
        final LinkedHashSet<String> allNodes = new LinkedHashSet<>();
        final List<Subgraph> children = new ArrayList<>();

        Scope(String id, int depth, Map<String, Attribute> nodeDefaults, Map<String, Attribute> edgeDefaults) {
            this.id = id;
            this.depth = depth;
            this.nodeDefaults = new LinkedHashMap<>(nodeDefaults);
            this.edgeDefaults = new LinkedHashMap<>(edgeDefaults);
        }

        Subgraph toSubgraph() {
            return new Subgraph(id, Attributes.of(new ArrayList<>(graphAttributes.values())),
                    withoutGoalFields(ownNodeDefaults), Attributes.of(new ArrayList<>(ownEdgeDefaults.values())),
                    List.copyOf(members), children);
        }
    }
}
