package ladder.model;

/** Writes text into a cell of a GitHub Markdown table, for the model's Markdown exports (the ladder's, the roadmap's). */
public final class MarkdownText {

    private MarkdownText() {
    }

    /**
     * {@code text} as one table cell that cannot break the table or carry HTML: backslashes doubled
     * (so no {@code \|} can be forged), {@code |} written {@code \|}, {@code &}, {@code <} and
     * {@code >} as the entities {@code &amp;}, {@code &lt;} and {@code &gt;} (so no tag, entity or
     * autolink passes through raw), and line breaks as blanks.
     */
    public static String cell(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '|' -> out.append("\\|");
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> {
                    out.append(' ');
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
