package ladder.model.roadmap;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which attributes would make Graphviz read files or an SVG viewer run script. Graphviz reads the
 * files named by {@code image}, {@code shapefile}, the directories of {@code imagepath},
 * {@code fontpath} and font files named by path, and the {@code SRC} of an HTML {@code <IMG>};
 * SVG output turns URL-like attributes into links and titles, where {@code javascript:} runs.
 */
final class DotSafety {
    private static final Set<String> FILE_ATTRIBUTES =
            Set.of("image", "imagepath", "shapefile", "fontpath", "fontnames", "stylesheet");
    /** Values that SVG output turns into links: a script scheme anywhere in them is refused. */
    private static final Set<String> LINK_ATTRIBUTES = Set.of(
            "url", "href", "target", "id",
            "labelurl", "labelhref", "labeltarget",
            "headurl", "headhref", "headtarget",
            "tailurl", "tailhref", "tailtarget",
            "edgeurl", "edgehref", "edgetarget");
    /**
     * Texts that SVG output writes as link titles ({@code description} is exported as the tooltip):
     * refused when they start with a script scheme, so that prose such as "Learn JavaScript: closures" passes.
     */
    private static final Set<String> TEXT_ATTRIBUTES =
            Set.of("tooltip", "description", "labeltooltip", "headtooltip", "tailtooltip", "edgetooltip");
    private static final Pattern IMG_TAG = Pattern.compile("<\\s*/?\\s*img\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x[0-9a-f]+|[0-9]+);?", Pattern.CASE_INSENSITIVE);

    private DotSafety() {
    }

    /** Why the attribute is refused, or null when it is safe. */
    static @Nullable String problem(String name, String value, boolean html) {
        String key = name.toLowerCase(Locale.ROOT);
        if (FILE_ATTRIBUTES.contains(key)) {
            return "attribute '" + name + "' is not allowed: it makes Graphviz read files";
        }
        if (key.endsWith("fontname") && (value.contains("/") || value.contains("\\"))) {
            return "attribute '" + name + "' must name a font, not a file path";
        }
        if (html && IMG_TAG.matcher(value).find()) {
            return "HTML string of attribute '" + name + "' contains <IMG>, which makes Graphviz read files";
        }
        String scheme = html || LINK_ATTRIBUTES.contains(key) ? scriptScheme(value, false)
                : TEXT_ATTRIBUTES.contains(key) ? scriptScheme(value, true) : null;
        if (scheme != null) {
            return "attribute '" + name + "' contains a " + scheme + " link, which is not allowed";
        }
        return null;
    }

    /**
     * The script scheme ({@code javascript:}) that the text holds anywhere, or at its start only when
     * {@code atStart}, even spelled with blanks, control characters or entities inside; else null.
     */
    static @Nullable String scriptScheme(String value, boolean atStart) {
        Matcher m = NUMERIC_ENTITY.matcher(value);
        var decoded = new StringBuilder();
        while (m.find()) {
            String number = m.group(1);
            int codePoint;
            try {
                codePoint = number.charAt(0) == 'x' || number.charAt(0) == 'X'
                        ? Integer.parseInt(number.substring(1), 16) : Integer.parseInt(number);
            } catch (NumberFormatException tooLong) {
                codePoint = ' ';
            }
            m.appendReplacement(decoded, Character.isValidCodePoint(codePoint)
                    ? Matcher.quoteReplacement(Character.toString(codePoint)) : " ");
        }
        m.appendTail(decoded);
        var squeezed = new StringBuilder(decoded.length());
        decoded.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isISOControl(cp)
                        && Character.getType(cp) != Character.FORMAT && !Character.isSpaceChar(cp))
                .map(cp -> Character.toLowerCase(cp))
                .forEach(squeezed::appendCodePoint);
        // Graphviz escapes and named entities that browsers drop inside a URL scheme
        String s = squeezed.toString().replace("\\n", "").replace("\\t", "").replace("\\r", "")
                .replace("&tab;", "").replace("&newline;", "");
        for (String scheme : List.of("javascript", "vbscript")) {
            for (String spelled : List.of(scheme + ":", scheme + "&colon;")) {
                if (atStart ? s.startsWith(spelled) : s.contains(spelled)) {
                    return scheme + ":";
                }
            }
        }
        return null;
    }
}
