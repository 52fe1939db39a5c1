package ladder.model.roadmap;

/**
 * A token of DOT text with its 1-based place. For {@link Kind#ID}, {@code text} is the id as DOT
 * means it: quotes removed and {@code \"} unescaped for quoted ids, the markup between the outer
 * angle brackets for HTML strings.
 */
record DotToken(Kind kind, String text, boolean quoted, boolean html, int line, int column) {
    enum Kind { ID, LBRACE, RBRACE, LBRACKET, RBRACKET, EQUALS, SEMICOLON, COMMA, COLON, ARROW, UNDIRECTED_EDGE, PLUS, EOF }

    /** Whether this is the unquoted keyword {@code word}; DOT keywords ignore case. */
    boolean isKeyword(String word) {
        return kind == Kind.ID && !quoted && !html && text.equalsIgnoreCase(word);
    }

    boolean isAnyKeyword() {
        return isKeyword("graph") || isKeyword("digraph") || isKeyword("subgraph")
                || isKeyword("node") || isKeyword("edge") || isKeyword("strict");
    }

    /** How the token reads in a message. */
    String describe() {
        return switch (kind) {
            case ID -> html ? "an HTML string" : quoted ? "\"" + shorten(text) + "\"" : "'" + shorten(text) + "'";
            case LBRACE -> "'{'";
            case RBRACE -> "'}'";
            case LBRACKET -> "'['";
            case RBRACKET -> "']'";
            case EQUALS -> "'='";
            case SEMICOLON -> "';'";
            case COMMA -> "','";
            case COLON -> "':'";
            case ARROW -> "'->'";
            case UNDIRECTED_EDGE -> "'--'";
            case PLUS -> "'+'";
            case EOF -> "the end of the text";
        };
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
