package ladder.webapp.labs;

import java.util.List;
import java.util.Locale;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;

/**
 * A lab's {@code instructions.md} as HTML, with commonmark-java and its GFM tables: raw HTML in the Markdown is escaped
 * (shown as text, never run) and link and image addresses other than http(s), mailto (links) and
 * relative ones are dropped, so a lab author cannot put script into a learner's page.
 */
public final class LabInstructions {

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).urlSanitizer(new WebOnly()).build();

    private LabInstructions() {
    }

    /** The HTML of the Markdown, inside one {@code <div>} (Vaadin's {@code Html} wants a single root). */
    public static String toHtml(String markdown) {
        return "<div class=\"ladder-lab-instructions\">" + RENDERER.render(PARSER.parse(markdown)) + "</div>";
    }

    /** Keeps http(s), mailto (links only) and scheme-less relative addresses; anything else becomes empty. */
    private static final class WebOnly implements UrlSanitizer {

        @Override
        public String sanitizeLinkUrl(String url) {
            return allowed(url, true) ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return allowed(url, false) ? url : "";
        }

        private static boolean allowed(String url, boolean link) {
            String trimmed = url.strip().toLowerCase(Locale.ROOT);
            int colon = trimmed.indexOf(':');
            int slash = trimmed.indexOf('/');
            boolean hasScheme = colon >= 0 && (slash < 0 || colon < slash);
            return !hasScheme || trimmed.startsWith("http:") || trimmed.startsWith("https:")
                    || (link && trimmed.startsWith("mailto:"));
        }
    }
}
