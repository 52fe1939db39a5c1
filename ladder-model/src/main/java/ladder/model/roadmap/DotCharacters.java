package ladder.model.roadmap;

import org.jspecify.annotations.Nullable;

/**
 * Which texts a roadmap may hold: those that {@link DotExporter} writes and {@link DotImporter}
 * reads back unchanged, and that Graphviz's SVG (XML 1.0) can carry. Refused are control
 * characters (U+0000 to U+001F but tab, line feed and carriage return, which travel raw inside
 * quotes; U+007F to U+009F), unpaired surrogates, U+FFFE and U+FFFF; and, in ids and quoted values,
 * an odd run of backslashes right before a {@code "}, a line break or the end, which DOT cannot
 * spell (Graphviz reads {@code \"} as a quote, {@code \\} as two backslashes and a backslash before
 * a line break as a line continuation).
 */
final class DotCharacters {
    private DotCharacters() {
    }

    /** Why {@code text}, written as a DOT id or quoted string, is no text of a roadmap, or null; {@code what} names it. */
    static @Nullable String problem(String what, String text) {
        String character = characterProblem(text);
        if (character != null) {
            return what + " " + character;
        }
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) != '\\') {
                continue;
            }
            int run = 0;
            while (i < n && text.charAt(i) == '\\') {
                run++;
                i++;
            }
            if (run % 2 == 1) {
                if (i == n) {
                    return what + " ends with a backslash, which DOT cannot write: double it";
                }
                char after = text.charAt(i);
                if (after == '"' || after == '\n' || (after == '\r' && i + 1 < n && text.charAt(i + 1) == '\n')) {
                    return what + " has a single backslash right before " + (after == '"' ? "a quote" : "a line break")
                            + ", which DOT cannot write: double it";
                }
            }
            i--;
        }
        return null;
    }

    /** Why an HTML string's markup is no text of a roadmap, or null: the characters above, and unbalanced angle brackets. */
    static @Nullable String htmlProblem(String what, String markup) {
        String character = characterProblem(markup);
        if (character != null) {
            return what + " " + character;
        }
        int depth = 0;
        for (int i = 0; i < markup.length(); i++) {
            char c = markup.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>' && --depth < 0) {
                break;
            }
        }
        return depth == 0 ? null : what + " must have balanced '<' and '>' to be written as a DOT HTML string";
    }

    /** What is wrong with the first refused character of {@code text}, or null when there is none. */
    static @Nullable String characterProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains the unpaired surrogate " + codePoint(c) + " at position " + (i + 1)
                        + ", which is no character";
            } else if (isRefusedControl(c) || c == '\uFFFE' || c == '\uFFFF') {
                return "contains the control character " + codePoint(c) + " at position " + (i + 1)
                        + ", which a roadmap cannot hold";
            }
        }
        return null;
    }

    /** The text with each refused character shown as {@code U+XXXX}, for messages that quote what was given. */
    static String printable(String text) {
        if (characterProblem(text) == null) {
            return text;
        }
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c) || isRefusedControl(c) || c == '\uFFFE' || c == '\uFFFF'
                    || c == '\t' || c == '\n' || c == '\r') {
                out.append(codePoint(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isRefusedControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
