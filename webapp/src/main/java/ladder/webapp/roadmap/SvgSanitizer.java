package ladder.webapp.roadmap;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.jsoup.nodes.Entities;
import org.jsoup.parser.Parser;

/**
 * Makes Graphviz's SVG safe to serve and to inline into the page, by rewriting it through a real XML
 * parser (the JDK's StAX, DTDs and external entities off) instead of scanning its text:
 * <ul>
 *   <li>the result carries <b>no links</b>: every {@code <a>} is unwrapped (its drawing kept), and every
 *       {@code href}, {@code xlink:*} and {@code target} attribute dropped; the roadmap view opens goals
 *       by their {@code <title>}, so nothing is lost;</li>
 *   <li>only the elements Graphviz draws with are allowed ({@code svg, g, title, polygon, path, text, ...});
 *       anything else ({@code script}, {@code foreignObject}, {@code image}, {@code use}, {@code animate},
 *       {@code style}) refuses the whole SVG;</li>
 *   <li>every attribute value is checked after full HTML entity decoding (named entities such as
 *       {@code &Tab;} or {@code &colon;}, numeric ones, repeated until nothing changes) with blanks and
 *       control characters removed: an event handler ({@code on...}) or a {@code javascript:},
 *       {@code vbscript:} or {@code data:} value refuses the SVG;</li>
 *   <li>comments, processing instructions and the doctype go; text and attributes are written back
 *       escaped by the XML writer, so the browser sees exactly the values that were checked.</li>
 * </ul>
 * HTML named entities are not XML: Graphviz copies them through, so they are turned into the characters
 * they stand for (jsoup's table of the HTML5 entities) before the XML parser reads the text; an unknown
 * one refuses the SVG.
 */
public final class SvgSanitizer {

    private static final Set<String> ELEMENTS = Set.of("svg", "g", "title", "desc", "polygon", "polyline", "ellipse",
            "circle", "path", "text", "tspan", "rect", "line", "defs", "lineargradient", "radialgradient", "stop");
    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");
    private static final Pattern NAMED_ENTITY = Pattern.compile("&([A-Za-z][A-Za-z0-9]*);");
    private static final Set<String> DANGEROUS_SCHEMES = Set.of("javascript:", "vbscript:", "data:", "livescript:");

    private SvgSanitizer() {
    }

    /**
     * The safe SVG: the {@code <svg>} element alone, without prolog, links, comments or doctype.
     *
     * @throws RenderException (not {@linkplain RenderException#unavailable() unavailable}) naming what was
     *                         refused, when the SVG carries anything that could run script or is not XML
     */
    public static String clean(String svg) {
        String xml = namedEntitiesAsCharacters(svg);
        StringWriter out = new StringWriter(xml.length());
        XMLStreamReader reader = null;
        try {
            reader = inputs().createXMLStreamReader(new StringReader(xml));
            XMLStreamWriter writer = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            boolean inSvg = false;
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = qualified(reader.getPrefix(), reader.getLocalName());
                        String local = reader.getLocalName().toLowerCase(Locale.ROOT);
                        if (local.equals("a")) {
                            checkAttributes(reader, name);
                            continue; // unwrapped: its children stay, the link goes
                        }
                        if (!ELEMENTS.contains(local)) {
                            throw refused("it contains a <" + name + "> element");
                        }
                        if (!inSvg && !local.equals("svg")) {
                            throw refused("it does not start with an <svg> element");
                        }
                        inSvg = true;
                        depth++;
                        writer.writeStartElement(name);
                        for (int i = 0; i < reader.getNamespaceCount(); i++) {
                            String prefix = reader.getNamespacePrefix(i);
                            String uri = reader.getNamespaceURI(i);
                            if (prefix == null || prefix.isEmpty()) {
                                writer.writeDefaultNamespace(uri == null ? "" : uri);
                            } else if (!prefix.equals("xlink")) {
                                writer.writeNamespace(prefix, uri == null ? "" : uri);
                            }
                        }
                        checkAttributes(reader, name);
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            String attribute = qualified(reader.getAttributePrefix(i), reader.getAttributeLocalName(i));
                            if (!isLink(attribute)) {
                                writer.writeAttribute(attribute, reader.getAttributeValue(i));
                            }
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (reader.getLocalName().equalsIgnoreCase("a")) {
                            continue;
                        }
                        writer.writeEndElement();
                        depth--;
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> {
                        if (depth > 0) {
                            writer.writeCharacters(reader.getText());
                        }
                    }
                    case XMLStreamConstants.CDATA -> throw refused("it contains a CDATA section");
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw refused("it refers to the entity &"
                            + reader.getLocalName() + ";");
                    default -> {
                        // comments, processing instructions, the doctype and the document's start and end
                    }
                }
            }
            writer.flush();
            if (!inSvg) {
                throw refused("it holds no <svg> element");
            }
            return out.toString();
        } catch (XMLStreamException e) {
            throw refused("it is not well-formed XML (" + e.getMessage().lines().reduce((a, b) -> b).orElse("") + ")");
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing was held open: the input is a string
                }
            }
        }
    }

    private static XMLInputFactory inputs() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    private static void checkAttributes(XMLStreamReader reader, String element) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String name = qualified(reader.getAttributePrefix(i), reader.getAttributeLocalName(i));
            String local = reader.getAttributeLocalName(i).toLowerCase(Locale.ROOT);
            if (local.startsWith("on")) {
                throw refused("<" + element + "> has the event attribute " + name);
            }
            String value = squeezed(reader.getAttributeValue(i));
            for (String scheme : DANGEROUS_SCHEMES) {
                if (value.contains(scheme)) {
                    throw refused("attribute " + name + " of <" + element + "> holds a " + scheme + " value");
                }
            }
            if (local.equals("style") && (value.contains("expression(") || value.matches(".*url\\((?!['\"]?#).*"))) {
                throw refused("attribute " + name + " of <" + element + "> loads something");
            }
        }
    }

    private static boolean isLink(String attribute) {
        String lower = attribute.toLowerCase(Locale.ROOT);
        return lower.equals("href") || lower.equals("target") || lower.startsWith("xlink:");
    }

    /** The value as a browser could finally read it: entities decoded until stable, blanks and controls gone. */
    static String squeezed(String value) {
        String decoded = value;
        for (int round = 0; round < 8 && decoded.indexOf('&') >= 0; round++) {
            String next = Parser.unescapeEntities(decoded, true);
            if (next.equals(decoded)) {
                break;
            }
            decoded = next;
        }
        StringBuilder squeezed = new StringBuilder(decoded.length());
        decoded.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isISOControl(cp) && !Character.isSpaceChar(cp)
                        && Character.getType(cp) != Character.FORMAT)
                .map(Character::toLowerCase)
                .forEach(squeezed::appendCodePoint);
        return squeezed.toString();
    }

    /** HTML's named entities (not XML's five) as the characters they stand for, so an XML parser reads them. */
    private static String namedEntitiesAsCharacters(String svg) {
        if (svg.indexOf('&') < 0) {
            return svg;
        }
        Matcher m = NAMED_ENTITY.matcher(svg);
        StringBuilder out = new StringBuilder(svg.length());
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (XML_ENTITIES.contains(name)) {
                replacement = m.group();
            } else {
                String characters = Entities.getByName(name);
                if (characters.isEmpty()) {
                    throw refused("it uses the unknown entity &" + name + ";");
                }
                // written back as XML so that '<' or '&' standing for themselves stay text
                replacement = characters.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                        .replace("\"", "&quot;").replace("'", "&apos;");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String qualified(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static RenderException refused(String why) {
        return RenderException.failed("the SVG was refused: " + why);
    }
}
