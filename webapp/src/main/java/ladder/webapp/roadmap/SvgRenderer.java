package ladder.webapp.roadmap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ladder.model.roadmap.DotExporter;
import ladder.model.roadmap.Roadmap;
import org.jspecify.annotations.Nullable;

/**
 * Renders DOT to SVG with the native Graphviz {@code dot}, one process per render, and caches the
 * result by the SHA-256 of the DOT text, so an unchanged roadmap never runs {@code dot} again.
 *
 * <p>Why a plain {@link ProcessBuilder} and not graphviz-java's {@code GraphvizCmdLineEngine}: that
 * engine writes every graph to a temporary file, re-reads the SVG through its own post-processing and
 * cannot kill a run that exceeds the time limit; here {@code dot} reads standard input, the process is
 * killed (with any children) after {@link RoadmapProperties#dotTimeoutOrDefault()}, and its error output
 * reaches the user. The JavaScript engine is never used.
 *
 * <p>Defence in depth: the importer already refuses DOT that makes Graphviz read files or carry script;
 * {@code dot} still runs in an empty working directory with {@code GV_FILE_PATH} pointing there, and the
 * SVG it writes is refused if it carries script ({@code <script>}, {@code on...=} attributes,
 * {@code javascript:} links).
 */
public final class SvgRenderer {

    /** Pipes are served by virtual threads: the common pool may have a single thread on a small machine. */
    private static final java.util.concurrent.Executor IO = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
    /** How long {@code dot -V} may take when checking that Graphviz is there. */
    private static final Duration PROBE_LIMIT = Duration.ofSeconds(10);
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x[0-9a-fA-F]+|[0-9]+);?");

    private final String dotCommand;
    private final Duration timeout;
    private final int cacheSize;
    private final AtomicLong dotRuns = new AtomicLong();
    private final Map<String, String> cache;
    /** The roadmap instances rendered last (the service hands out the same instance while a roadmap is unchanged). */
    private final java.util.ArrayDeque<RecentRender> recent = new java.util.ArrayDeque<>();
    private final Path sandbox;
    private volatile @Nullable String unavailableReason;

    public SvgRenderer(String dotCommand, Duration timeout, int cacheSize) {
        this.dotCommand = dotCommand;
        this.timeout = timeout;
        this.cacheSize = cacheSize;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > SvgRenderer.this.cacheSize;
            }
        };
        try {
            this.sandbox = Files.createTempDirectory("ladder-dot-");
            this.sandbox.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a working directory for dot: " + e.getMessage(), e);
        }
        this.unavailableReason = probe();
    }

    /** Why {@code dot} cannot run (not installed, not executable), or empty when it can. */
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailableReason);
    }

    public boolean isAvailable() {
        return unavailableReason == null;
    }

    /** How many times {@code dot} has been started to render (the probe at start not counted). */
    public long dotRuns() {
        return dotRuns.get();
    }

    /**
     * The SVG of a roadmap with its legend ({@link DotExporter#forRendering}). The very roadmap instance
     * rendered last is answered without even writing its DOT again; an equal roadmap is found by the
     * hash of its DOT.
     */
    public String render(Roadmap roadmap) {
        synchronized (recent) {
            for (RecentRender entry : recent) {
                if (entry.roadmap() == roadmap) {
                    return entry.svg();
                }
            }
        }
        String svg = render(DotExporter.forRendering(roadmap));
        if (cacheSize > 0) {
            synchronized (recent) {
                recent.addFirst(new RecentRender(roadmap, svg));
                while (recent.size() > Math.min(cacheSize, 16)) {
                    recent.removeLast();
                }
            }
        }
        return svg;
    }

    private record RecentRender(Roadmap roadmap, String svg) {
    }

    /**
     * The SVG that {@code dot -Tsvg} makes of {@code dot}, from the cache when the same text was
     * rendered before.
     *
     * @throws RenderException when {@code dot} is missing, fails, exceeds the time limit, or writes
     *                         SVG that carries script; the message says which, with dot's own words
     */
    public String render(String dot) {
        String key = sha256(dot);
        synchronized (cache) {
            String cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        String svg = run(dot);
        synchronized (cache) {
            cache.put(key, svg);
        }
        return svg;
    }

    private String run(String dot) {
        String reason = unavailableReason;
        if (reason != null) {
            reason = probe(); // installed meanwhile?
            unavailableReason = reason;
            if (reason != null) {
                throw new RenderException(reason);
            }
        }
        dotRuns.incrementAndGet();
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(dotCommand, "-Tsvg").directory(sandbox.toFile());
            builder.environment().put("GV_FILE_PATH", sandbox.toString() + "/");
            builder.environment().remove("GVBINDIR");
            process = builder.start();
        } catch (IOException e) {
            unavailableReason = missing(e);
            throw new RenderException(unavailableReason);
        }
        byte[] input = dot.getBytes(StandardCharsets.UTF_8);
        CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()), IO);
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()), IO);
        CompletableFuture<Void> stdin = CompletableFuture.runAsync(() -> {
            try (OutputStream out = process.getOutputStream()) {
                out.write(input);
            } catch (IOException ignored) {
                // dot exited early; its exit code and error output say why
            }
        }, IO);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(1, TimeUnit.SECONDS);
                throw new RenderException("Graphviz dot took longer than " + describe(timeout)
                        + " and was stopped; the roadmap may be too large to lay out");
            }
            stdin.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            byte[] out = stdout.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String errors = new String(stderr.get(timeout.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new RenderException("Graphviz dot failed (exit " + process.exitValue() + ")"
                        + (errors.isEmpty() ? "" : ": " + errors));
            }
            String svg = new String(out, StandardCharsets.UTF_8);
            checkNoScript(svg);
            return svg;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new RenderException("rendering was interrupted");
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new RenderException("could not read the output of Graphviz dot: " + e.getMessage());
        }
    }

    /**
     * Refuses SVG that would run script in a browser: a {@code script} or {@code foreignObject}
     * element, an event-handler attribute ({@code onclick=...}), or a {@code javascript:},
     * {@code vbscript:} or {@code data:} link.
     *
     * @throws RenderException naming what was found
     */
    static void checkNoScript(String svg) {
        // one linear pass over the tags: element names, then each attribute's name and quoted value
        int n = svg.length();
        int i = svg.indexOf('<');
        while (i >= 0 && i < n - 1) {
            int nameStart = i + 1;
            if (svg.startsWith("!--", nameStart)) {
                int close = svg.indexOf("-->", nameStart);
                i = close < 0 ? -1 : svg.indexOf('<', close);
                continue;
            }
            if (svg.startsWith("![CDATA[", nameStart) || svg.startsWith("![cdata[", nameStart)) {
                throw new RenderException("the SVG was refused: it contains a CDATA section");
            }
            if (!Character.isLetter(svg.charAt(nameStart))) {
                i = svg.indexOf('<', nameStart);
                continue;
            }
            int at = nameStart;
            while (at < n && !Character.isWhitespace(svg.charAt(at)) && svg.charAt(at) != '>' && svg.charAt(at) != '/') {
                at++;
            }
            String element = svg.substring(nameStart, at).toLowerCase(Locale.ROOT);
            if (element.endsWith("script") || element.endsWith("foreignobject")) {
                throw new RenderException("the SVG was refused: it contains a <" + element + "> element");
            }
            while (at < n) {
                while (at < n && Character.isWhitespace(svg.charAt(at))) {
                    at++;
                }
                if (at >= n || svg.charAt(at) == '>' || svg.charAt(at) == '/') {
                    break;
                }
                int attributeStart = at;
                while (at < n && svg.charAt(at) != '=' && svg.charAt(at) != '>' && !Character.isWhitespace(svg.charAt(at))) {
                    at++;
                }
                String name = svg.substring(attributeStart, at).toLowerCase(Locale.ROOT);
                while (at < n && Character.isWhitespace(svg.charAt(at))) {
                    at++;
                }
                String value = "";
                if (at < n && svg.charAt(at) == '=') {
                    at++;
                    while (at < n && Character.isWhitespace(svg.charAt(at))) {
                        at++;
                    }
                    if (at < n && (svg.charAt(at) == '"' || svg.charAt(at) == '\'')) {
                        int close = svg.indexOf(svg.charAt(at), at + 1);
                        if (close < 0) {
                            throw new RenderException("the SVG was refused: an attribute value is not closed");
                        }
                        value = svg.substring(at + 1, close);
                        at = close + 1;
                    }
                }
                checkAttribute(name, value);
            }
            i = svg.indexOf('<', at);
        }
    }

    private static void checkAttribute(String name, String rawValue) {
        String local = name.contains(":") ? name.substring(name.indexOf(':') + 1) : name;
        if (local.startsWith("on")) {
            throw new RenderException("the SVG was refused: it contains the event attribute " + name);
        }
        String lower = rawValue.toLowerCase(Locale.ROOT);
        if (rawValue.indexOf('&') < 0 && lower.indexOf("script") < 0 && lower.indexOf("data") < 0) {
            return; // nothing that could spell a script link
        }
        String value = squeeze("\"" + rawValue + "\"");
        boolean link = local.equals("href") || local.equals("src") || local.equals("action");
        if (value.contains("javascript:") || value.contains("vbscript:") || link && value.startsWith("data:")) {
            throw new RenderException("the SVG was refused: attribute " + name + " holds a script link");
        }
    }

    private static String squeeze(String quoted) {
        String value = quoted.substring(1, quoted.length() - 1);
        Matcher m = NUMERIC_ENTITY.matcher(value);
        StringBuilder decoded = new StringBuilder();
        while (m.find()) {
            String number = m.group(1);
            int codePoint;
            try {
                codePoint = number.startsWith("x") || number.startsWith("X")
                        ? Integer.parseInt(number.substring(1), 16) : Integer.parseInt(number);
            } catch (NumberFormatException e) {
                codePoint = ' ';
            }
            m.appendReplacement(decoded, Matcher.quoteReplacement(
                    Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : " "));
        }
        m.appendTail(decoded);
        StringBuilder squeezed = new StringBuilder();
        decoded.toString().replace("&colon;", ":").codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isISOControl(cp) && !Character.isSpaceChar(cp))
                .map(Character::toLowerCase)
                .forEach(squeezed::appendCodePoint);
        return squeezed.toString();
    }

    private static String describe(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }

    private @Nullable String probe() {
        try {
            Process process = new ProcessBuilder(dotCommand, "-V").redirectErrorStream(true).start();
            readAll(process.getInputStream());
            if (!process.waitFor(PROBE_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return "Graphviz '" + dotCommand + "' did not answer 'dot -V' within " + PROBE_LIMIT.toSeconds() + " s";
            }
            return process.exitValue() == 0 ? null
                    : "Graphviz '" + dotCommand + "' does not work (dot -V exited with " + process.exitValue() + ")";
        } catch (IOException e) {
            return missing(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while looking for Graphviz";
        }
    }

    private String missing(IOException e) {
        return "Graphviz is not installed (cannot run '" + dotCommand + "': " + e.getMessage()
                + "). Install it, e.g. 'apt-get install graphviz', or set LADDER_DOT to the dot executable";
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
