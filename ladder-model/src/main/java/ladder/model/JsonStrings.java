package ladder.model;

/** Writes a Java string as a JSON string literal (RFC 8259), for the hand-written JSON of the model and the labs. */
public final class JsonStrings {

    private JsonStrings() {
    }

    /** Appends {@code value} to {@code out} in quotes, with every character JSON requires escaped; returns {@code out}. */
    public static StringBuilder append(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    // U+2028 and U+2029 are valid JSON but break JavaScript string literals
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
