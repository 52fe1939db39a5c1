package ladder.model.roadmap;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A DOT file's bytes as text, decoded as Graphviz decodes them: by the graph's {@code charset}
 * attribute ({@code charset=latin1} or {@code graph [charset="ISO-8859-1"]} in the root graph;
 * Graphviz's names, any case: {@code latin-1}, {@code latin1}, {@code l1}, {@code ISO-8859-1},
 * {@code ISO_8859-1}, {@code ISO8859-1}, {@code ISO-IR-100}; and {@code big5}, {@code big-5}),
 * UTF-8 when it has none or names another (Graphviz assumes UTF-8 then too).
 *
 * <p>Three departures from Graphviz, all for the file's author: a UTF-8 byte order mark means UTF-8
 * whatever the attribute says; a file that declares Latin-1 but is valid UTF-8 with non-ASCII
 * characters is read as UTF-8, because that is a file converted to UTF-8 that kept its declaration
 * (Latin-1 prose almost never forms valid multi-byte UTF-8), which Graphviz would show as mojibake;
 * and Latin-1 is read as browsers read it (the WHATWG Encoding Standard): bytes 0x80 to 0x9F, which
 * ISO-8859-1 makes control characters, are the Windows-1252 characters (curly quotes, dashes, the
 * euro sign) that such files mean; the five bytes Windows-1252 leaves undefined stay control
 * characters, which the importer refuses.
 * Text that is not valid in its charset is refused with the place of the first bad byte, never
 * guessed at.
 *
 * <p>The text returned is Unicode and still holds the declaration; {@link DotImporter} drops it, since
 * a {@link Roadmap} holds Unicode and {@link DotExporter} writes UTF-8.
 */
public final class DotText {
    private static final Set<String> LATIN1_NAMES =
            Set.of("latin-1", "latin1", "l1", "iso-8859-1", "iso_8859-1", "iso8859-1", "iso-ir-100");
    private static final Set<String> BIG5_NAMES = Set.of("big-5", "big5");

    private DotText() {
    }

    /**
     * The DOT text that {@code bytes} encode, to give to {@link DotImporter#parse(String)}.
     *
     * @throws DotTooLargeException when there are more than {@link DotImporter#MAX_BYTES} bytes
     * @throws DotImportException   when the bytes are not valid in the charset they declare (UTF-8 by
     *                              default) or are UTF-16; the message says so, with the line and
     *                              column of the first bad byte
     */
    public static String decode(byte[] bytes) throws DotImportException {
        if (bytes.length > DotImporter.MAX_BYTES) {
            throw new DotTooLargeException("the DOT text has more than " + DotImporter.MAX_BYTES + " bytes (1 MiB)");
        }
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strict(bytes, StandardCharsets.UTF_8, null);
        }
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            throw new DotImportException("the text is UTF-16: save it as UTF-8", 1, 1);
        }
        // every byte is one char in ISO-8859-1, so the ASCII syntax around the declaration reads the same
        String declared = declaredCharset(scannable(new String(bytes, StandardCharsets.ISO_8859_1)));
        String name = declared == null ? "" : declared.toLowerCase(Locale.ROOT);
        if (LATIN1_NAMES.contains(name)) {
            if (hasNonAscii(bytes) && isUtf8(bytes)) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
            return latin1(bytes);
        }
        if (BIG5_NAMES.contains(name)) {
            return strict(bytes, Charset.forName("Big5"), declared);
        }
        return strict(bytes, StandardCharsets.UTF_8, declared);
    }

    /**
     * The value of the last {@code charset} attribute of the root graph, or null; a text that does
     * not even split into tokens has none as far as it could be read (the importer then reports
     * the error at its place).
     */
    static @Nullable String declaredCharset(String text) {
        var tokens = new DotTokenizer(text);
        String found = null;
        int depth = 0;
        boolean inList = false;
        boolean graphList = false;
        DotToken before = null;
        DotToken previous = null;
        try {
            for (DotToken t = tokens.next(); t.kind() != DotToken.Kind.EOF; t = tokens.next()) {
                switch (t.kind()) {
                    case LBRACE -> depth++;
                    case RBRACE -> depth--;
                    case LBRACKET -> {
                        inList = true;
                        graphList = previous != null && previous.isKeyword("graph");
                    }
                    case RBRACKET -> inList = false;
                    default -> {
                        if (t.kind() == DotToken.Kind.ID && previous != null && previous.kind() == DotToken.Kind.EQUALS
                                && before != null && before.kind() == DotToken.Kind.ID && !before.html()
                                && before.text().equals("charset") && depth == 1 && (!inList || graphList)) {
                            found = t.text();
                        }
                    }
                }
                before = previous;
                previous = t;
            }
        } catch (DotImportException unreadable) {
            // keep what was found before the error
        }
        return found;
    }

    /** Latin-1 as browsers decode it: ISO-8859-1 with 0x80 to 0x9F as in Windows-1252 where it defines them. */
    private static String latin1(byte[] bytes) {
        Charset windows1252 = Charset.forName("windows-1252");
        var out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int unsigned = b & 0xFF;
            if (unsigned >= 0x80 && unsigned <= 0x9F) {
                String mapped = new String(new byte[] {b}, windows1252);
                out.append(mapped.equals("\uFFFD") ? (char) unsigned : mapped.charAt(0));
            } else {
                out.append((char) unsigned);
            }
        }
        return out.toString();
    }

    /**
     * The text with control characters made letters, so that the tokenizer, which refuses them,
     * reads on to a declaration after them; the importer refuses them later, at their place.
     */
    private static String scannable(String text) {
        var out = new StringBuilder(text);
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || (c >= 0x7F && c <= 0x9F)) {
                out.setCharAt(i, 'x');
            }
        }
        return out.toString();
    }

    private static String strict(byte[] bytes, Charset charset, @Nullable String declared) throws DotImportException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw notValid(bytes, in.position(), charset, declared);
        }
        return out.flip().toString();
    }

    private static DotImportException notValid(byte[] bytes, int offset, Charset charset, @Nullable String declared) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = new String(bytes, lineStart, offset - lineStart, charset).length() + 1;
        String bad = String.format("0x%02X", bytes[offset] & 0xFF);
        String reason;
        if (charset.equals(StandardCharsets.UTF_8)) {
            reason = "the text is not valid UTF-8 (byte " + bad + ")"
                    + (declared == null || declared.equalsIgnoreCase("utf-8") || declared.equalsIgnoreCase("utf8")
                    ? "; if it is ISO-8859-1 (Latin-1), declare charset=latin1 in the graph"
                    : "; its charset \"" + declared + "\" is none that Graphviz reads (utf-8, latin1, big5)");
        } else {
            reason = "the text is not valid " + charset.name() + " (byte " + bad + "), as its charset \""
                    + declared + "\" says it is";
        }
        return new DotImportException(reason, line, column);
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean hasNonAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
