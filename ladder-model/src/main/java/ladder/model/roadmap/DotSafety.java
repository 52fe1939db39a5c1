package ladder.model.roadmap;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.jsoup.parser.Parser;

/**
 * Which attributes would make Graphviz read files or an SVG viewer run script. Graphviz reads the
 * files named by {@code image}, {@code shapefile}, the directories of {@code imagepath},
 * {@code fontpath} and font files named by path, and the {@code SRC} of an HTML {@code <IMG>}.
 *
 * <p>SVG output turns the link attributes ({@code URL}, {@code href} and their {@code head},
 * {@code tail}, {@code label} and {@code edge} forms, and {@code href}/{@code URL} inside HTML
 * strings) into {@code xlink:href}, copying HTML entities as they are, which the browser then
 * decodes. So a link is judged as the browser reads it: after decoding every HTML5 entity (named
 * ones such as {@code &Tab;} and {@code &colon;} too, with jsoup's table) and dropping blanks and
 * control characters, it must be relative or use {@code http:}, {@code https:} or {@code mailto:}.
 * A link may not use Graphviz's escapes {@code \N}, {@code \L}, {@code \G}, {@code \E}, {@code \T},
 * {@code \H}, which copy a node's id or label, the graph's name or an edge's ends into it: the link
 * checked must be the link drawn, and goal ids and titles are text, never checked as links.
 * Other texts that SVG output writes as titles or ids are refused when they hold a script scheme.
 */
final class DotSafety {
    private static final Set<String> FILE_ATTRIBUTES =
            Set.of("image", "imagepath", "shapefile", "fontpath", "fontnames", "stylesheet");
    /** Attributes that SVG output writes as the link's address, in lower case. */
    private static final Set<String> LINK_ATTRIBUTES = Set.of(
            "url", "href",
            "labelurl", "labelhref",
            "headurl", "headhref",
            "tailurl", "tailhref",
            "edgeurl", "edgehref");
    /** Attributes that SVG output writes beside links, as targets and ids: a script scheme anywhere in them is refused. */
    private static final Set<String> LINK_COMPANIONS =
            Set.of("target", "id", "labeltarget", "headtarget", "tailtarget", "edgetarget");
    /**
     * Texts that SVG output writes as link titles ({@code description} is exported as the tooltip):
     * refused when they start with a script scheme, so that prose such as "Learn JavaScript: closures" passes.
     */
    private static final Set<String> TEXT_ATTRIBUTES =
            Set.of("tooltip", "description", "labeltooltip", "headtooltip", "tailtooltip", "edgetooltip");
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final List<String> SCRIPT_SCHEMES = List.of("javascript:", "vbscript:");
    private static final Pattern IMG_TAG = Pattern.compile("<\\s*/?\\s*img\\b", Pattern.CASE_INSENSITIVE);
    /** An {@code href} or {@code URL} attribute inside an HTML string, with its quoted or bare value. */
    private static final Pattern HTML_LINK = Pattern.compile(
            "(?<![\\w-])(href|url)\\s*=\\s*(\"[^\"]*\"?|'[^']*'?|[^\\s>]*)", Pattern.CASE_INSENSITIVE);
    /** Graphviz's escapes that copy other text into a value (strdup_and_subst_obj). */
    private static final Pattern GRAPHVIZ_ESCAPE = Pattern.compile("\\\\[GNETHL]");
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");

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
        if (html) {
            if (IMG_TAG.matcher(value).find()) {
                return "HTML string of attribute '" + name + "' contains <IMG>, which makes Graphviz read files";
            }
            Matcher link = HTML_LINK.matcher(value);
            while (link.find()) {
                String problem = linkProblem("'" + link.group(1) + "' in the HTML string of attribute '" + name + "'",
                        unquoted(link.group(2)));
                if (problem != null) {
                    return problem;
                }
            }
        } else if (LINK_ATTRIBUTES.contains(key)) {
            return linkProblem("attribute '" + name + "'", value);
        }
        String scheme = html || LINK_COMPANIONS.contains(key) ? scriptScheme(value, false)
                : TEXT_ATTRIBUTES.contains(key) ? scriptScheme(value, true) : null;
        if (scheme != null) {
            return "attribute '" + name + "' contains a " + scheme + " link, which is not allowed";
        }
        return null;
    }

    /** Why the link is refused, or null when it is relative or http(s) or mailto; {@code what} names it. */
    static @Nullable String linkProblem(String what, String link) {
        Matcher escape = GRAPHVIZ_ESCAPE.matcher(link);
        if (escape.find()) {
            return what + " uses Graphviz's escape '" + escape.group()
                    + "', which copies other text into the link: write the link out in full";
        }
        String raw = squeezed(link);
        // decoding changes nothing before the first '&': when the scheme (or its absence) shows
        // before one, the entities after it cannot change it
        int amp = raw.indexOf('&');
        int end = indexOfAny(raw, ":/?#");
        String s = end >= 0 && (amp < 0 || end < amp) ? raw : squeezed(decoded(link));
        int colon = s.indexOf(':');
        if (colon < 0) {
            return null;
        }
        int path = indexOfAny(s, "/?#");
        if (path >= 0 && path < colon) {
            return null; // a relative link with a colon in its path, query or fragment
        }
        String scheme = s.substring(0, colon);
        if (LINK_SCHEMES.contains(scheme)) {
            return null;
        }
        String named = SCHEME.matcher(scheme).matches() && scheme.length() <= 20 ? scheme + ":" : "non-web";
        return what + " contains a " + named + " link, which is not allowed: a link is relative or "
                + "starts with http:, https: or mailto:";
    }

    /**
     * The script scheme ({@code javascript:}) that the text holds anywhere, or at its start only when
     * {@code atStart}, even spelled with blanks, control characters or entities inside; else null.
     */
    static @Nullable String scriptScheme(String value, boolean atStart) {
        String raw = squeezed(value);
        int amp = raw.indexOf('&');
        // decoding changes nothing before the first '&': no need when the text already is no script scheme there
        if (amp < 0 || (atStart && SCRIPT_SCHEMES.stream()
                .noneMatch(scheme -> raw.regionMatches(0, scheme, 0, Math.min(amp, scheme.length()))))) {
            return scheme(raw, atStart);
        }
        return scheme(squeezed(decoded(value)), atStart);
    }


    private static @Nullable String scheme(String s, boolean atStart) {
        for (String scheme : SCRIPT_SCHEMES) {
            if (atStart ? s.startsWith(scheme) : s.contains(scheme)) {
                return scheme;
            }
        }
        return null;
    }

    /**
     * The text with every HTML entity decoded as a browser decodes an attribute value, again until
     * nothing changes, so that no spelling survives ({@code &amp;Tab;} included).
     */
    static String decoded(String text) {
        String s = text;
        for (int round = 0; round < 8 && s.indexOf('&') >= 0; round++) {
            String next = Parser.unescapeEntities(s, true);
            if (next.equals(s)) {
                break;
            }
            s = next;
        }
        return s;
    }

    /**
     * The text in lower case without what a browser drops from a URL or ignores around a scheme
     * (blanks, control and format characters), nor backslashes and Graphviz's {@code \n}, {@code \l},
     * {@code \r} line breaks.
     */
    private static String squeezed(String text) {
        String s = text.replace("\\n", "").replace("\\l", "").replace("\\r", "").replace("\\", "");
        var out = new StringBuilder(s.length());
        s.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isISOControl(cp)
                        && Character.getType(cp) != Character.FORMAT && !Character.isSpaceChar(cp))
                .map(cp -> Character.toLowerCase(cp))
                .forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String unquoted(String value) {
        if (!value.isEmpty() && (value.charAt(0) == '"' || value.charAt(0) == '\'')) {
            int end = value.length() > 1 && value.charAt(value.length() - 1) == value.charAt(0)
                    ? value.length() - 1 : value.length();
            return value.substring(1, end);
        }
        return value;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
