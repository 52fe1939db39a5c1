package ladder.webapp.labs;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A lab's {@code instructions.md} as HTML, with commonmark-java: raw HTML in the Markdown is escaped
 * (shown as text, never run) and link and image addresses other than http(s), mailto and relative ones
 * are dropped, so a lab author cannot put script into a learner's page.
 */
public final class LabInstructions {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private LabInstructions() {
    }

    /** The HTML of the Markdown, inside one {@code <div>} (Vaadin's {@code Html} wants a single root). */
    public static String toHtml(String markdown) {
        return "<div class=\"ladder-lab-instructions\">" + RENDERER.render(PARSER.parse(markdown)) + "</div>";
    }
}
