package ladder.model.roadmap;

import org.jspecify.annotations.Nullable;

/**
 * Splits DOT text into tokens, dropping blanks and comments: {@code //} and {@code #} to the end of
 * the line, wherever they start outside a string (as Graphviz does: a {@code #} first on a line is a
 * preprocessor line, elsewhere a shell-like comment), and {@code /* *}{@code /}. Reads only the
 * string given.
 */
final class DotTokenizer {
    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;
    private @Nullable DotToken produced;

    /** Tokens of {@code text}, read one at a time so that errors come in the order of the text. */
    DotTokenizer(String text) {
        this.text = text;
        if (text.startsWith("\uFEFF")) {
            pos = 1;
            lineStart = 1;
        }
    }

    /** The next token; {@link DotToken.Kind#EOF} at the end, again and again. */
    DotToken next() throws DotImportException {
        read();
        DotToken token = java.util.Objects.requireNonNull(produced);
        produced = null;
        return token;
    }

    private void read() throws DotImportException {
        skipBlanksAndComments();
        if (pos >= text.length()) {
            produce(token(DotToken.Kind.EOF, "", line, column()));
            return;
        }
        int startLine = line;
        int startColumn = column();
        char c = text.charAt(pos);
        switch (c) {
            case '{' -> single(DotToken.Kind.LBRACE, startLine, startColumn);
            case '}' -> single(DotToken.Kind.RBRACE, startLine, startColumn);
            case '[' -> single(DotToken.Kind.LBRACKET, startLine, startColumn);
            case ']' -> single(DotToken.Kind.RBRACKET, startLine, startColumn);
            case '=' -> single(DotToken.Kind.EQUALS, startLine, startColumn);
            case ';' -> single(DotToken.Kind.SEMICOLON, startLine, startColumn);
            case ',' -> single(DotToken.Kind.COMMA, startLine, startColumn);
            case ':' -> single(DotToken.Kind.COLON, startLine, startColumn);
            case '+' -> single(DotToken.Kind.PLUS, startLine, startColumn);
            case '"' -> quoted(startLine, startColumn);
            case '<' -> html(startLine, startColumn);
            case '-' -> {
                char next = charAt(pos + 1);
                if (next == '>') {
                    pos += 2;
                    produce(token(DotToken.Kind.ARROW, "->", startLine, startColumn));
                } else if (next == '-') {
                    pos += 2;
                    produce(token(DotToken.Kind.UNDIRECTED_EDGE, "--", startLine, startColumn));
                } else if (isDigit(next) || next == '.') {
                    numeral(startLine, startColumn);
                } else {
                    throw error("unexpected character '-'", startLine, startColumn);
                }
            }
            default -> {
                if (isDigit(c) || c == '.') {
                    numeral(startLine, startColumn);
                } else if (isIdStart(c)) {
                    int start = pos;
                    while (pos < text.length() && isIdPart(text.charAt(pos))) {
                        pos++;
                    }
                    produce(new DotToken(DotToken.Kind.ID, text.substring(start, pos), false, false,
                            startLine, startColumn));
                } else {
                    throw error("unexpected character " + printable(c), startLine, startColumn);
                }
            }
        }
    }

    private void skipBlanksAndComments() throws DotImportException {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                newLine(pos + 1);
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '#' || (c == '/' && charAt(pos + 1) == '/')) {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '/' && charAt(pos + 1) == '*') {
                int startLine = line;
                int startColumn = column();
                pos += 2;
                while (!(charAt(pos) == '*' && charAt(pos + 1) == '/')) {
                    if (pos >= text.length()) {
                        throw error("comment '/*' is never closed with '*/'", startLine, startColumn);
                    }
                    if (text.charAt(pos) == '\n') {
                        newLine(pos + 1);
                    } else {
                        pos++;
                    }
                }
                pos += 2;
            } else {
                return;
            }
        }
    }

    private void quoted(int startLine, int startColumn) throws DotImportException {
        pos++; // opening quote
        var value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("string is never closed with '\"'", startLine, startColumn);
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\\') {
                char next = charAt(pos + 1);
                if (next == '"') {
                    value.append('"');
                    pos += 2;
                } else if (next == '\\') {
                    // DOT keeps other escapes for Graphviz; the pair is consumed together so "\\" ends well
                    value.append("\\\\");
                    pos += 2;
                } else if (next == '\n') {
                    newLine(pos + 2); // line continuation
                } else if (next == '\r' && charAt(pos + 2) == '\n') {
                    newLine(pos + 3);
                } else {
                    value.append('\\');
                    pos++;
                }
            } else if (c == '\n') {
                value.append('\n');
                newLine(pos + 1);
            } else {
                value.append(c);
                pos++;
            }
        }
        produce(new DotToken(DotToken.Kind.ID, value.toString(), true, false, startLine, startColumn));
    }

    private void html(int startLine, int startColumn) throws DotImportException {
        int depth = 0;
        int start = pos + 1;
        while (true) {
            if (pos >= text.length()) {
                throw error("HTML string '<' is never closed with a matching '>'", startLine, startColumn);
            }
            char c = text.charAt(pos);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
                if (depth == 0) {
                    break;
                }
            }
            if (c == '\n') {
                newLine(pos + 1);
            } else {
                pos++;
            }
        }
        String value = text.substring(start, pos);
        pos++; // closing '>'
        produce(new DotToken(DotToken.Kind.ID, value, false, true, startLine, startColumn));
    }

    private void numeral(int startLine, int startColumn) throws DotImportException {
        int start = pos;
        if (charAt(pos) == '-') {
            pos++;
        }
        boolean digits = false;
        while (isDigit(charAt(pos))) {
            pos++;
            digits = true;
        }
        if (charAt(pos) == '.') {
            pos++;
            while (isDigit(charAt(pos))) {
                pos++;
                digits = true;
            }
        }
        if (!digits) {
            throw error("unexpected character '" + text.charAt(pos - 1) + "'", startLine, startColumn);
        }
        if (pos < text.length() && (isIdStart(text.charAt(pos)) || text.charAt(pos) == '.')) {
            throw error("badly delimited number '" + text.substring(start, pos + 1)
                    + "': quote ids that start with a digit", startLine, startColumn);
        }
        produce(new DotToken(DotToken.Kind.ID, text.substring(start, pos), false, false, startLine, startColumn));
    }

    private void produce(DotToken token) throws DotImportException {
        if (token.kind() == DotToken.Kind.ID) {
            String problem = DotCharacters.characterProblem(token.text());
            if (problem != null) {
                throw error((token.html() ? "the HTML string " : token.quoted() ? "the string " : "the id ") + problem,
                        token.line(), token.column());
            }
        }
        produced = token;
    }

    private void single(DotToken.Kind kind, int startLine, int startColumn) throws DotImportException {
        produce(token(kind, String.valueOf(text.charAt(pos)), startLine, startColumn));
        pos++;
    }

    private static DotToken token(DotToken.Kind kind, String text, int line, int column) {
        return new DotToken(kind, text, false, false, line, column);
    }

    private void newLine(int nextPos) {
        pos = nextPos;
        line++;
        lineStart = nextPos;
    }

    private int column() {
        return pos - lineStart + 1;
    }

    private char charAt(int index) {
        return index < text.length() ? text.charAt(index) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= '\u0080';
    }

    private static boolean isIdPart(char c) {
        return isIdStart(c) || isDigit(c);
    }

    private static String printable(char c) {
        return c < ' ' || c == '\u007f' ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    private static DotImportException error(String reason, int line, int column) {
        return new DotImportException(reason, line, column);
    }
}
