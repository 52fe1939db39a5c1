package ladder.webapp.roadmap;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the native Graphviz {@code dot -Tsvg}, one process per call: DOT on standard input, SVG on
 * standard output, killed with its children after the time limit. It knows nothing of roadmaps or
 * caches; {@link RoadmapRenderer} decides what to render and {@link SvgSanitizer} what may be served.
 *
 * <p>Why a plain {@link ProcessBuilder} and not graphviz-java's {@code GraphvizCmdLineEngine}: that
 * engine writes every graph to a temporary file and cannot kill a run that exceeds the time limit.
 * {@code dot} runs in an empty working directory with {@code GV_FILE_PATH} pointing there, so even DOT
 * that slipped past the importer cannot make it read the server's files.
 *
 * <p>What {@code dot} writes on standard error is logged, never shown: a crash prints Graphviz's
 * internals (assertions, source lines), which mean nothing to a user and tell an attacker too much.
 */
public final class DotRunner {

    private static final Logger log = LoggerFactory.getLogger(DotRunner.class);
    /** Pipes are served by virtual threads: the common pool may have a single thread on a small machine. */
    private static final Executor IO = Executors.newVirtualThreadPerTaskExecutor();
    /** How long {@code dot -V} may take when checking that Graphviz is there. */
    private static final Duration PROBE_LIMIT = Duration.ofSeconds(10);

    private final ObservationRegistry observations;
    private final String dotCommand;
    private final Duration timeout;
    private final AtomicLong runs = new AtomicLong();
    private final Path sandbox;
    private volatile @Nullable String unavailableReason;

    public DotRunner(String dotCommand, Duration timeout) {
        this(dotCommand, timeout, ObservationRegistry.NOOP);
    }

    /** Each run is observed as {@code ladder.roadmap.dot} with its {@code result} (ok, failed, timeout, missing). */
    public DotRunner(String dotCommand, Duration timeout, ObservationRegistry observations) {
        this.observations = observations;
        this.dotCommand = dotCommand;
        this.timeout = timeout;
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

    /** How many times {@code dot} has been started to render (the probe not counted). */
    public long runs() {
        return runs.get();
    }

    /**
     * The SVG exactly as {@code dot -Tsvg} writes it for {@code dot}: not yet safe to serve.
     *
     * @throws RenderException when {@code dot} is missing, fails or exceeds the time limit; the message
     *                         says which in words a user can act on
     */
    public String toSvg(String dot) {
        Observation run = Observation.createNotStarted("ladder.roadmap.dot", observations)
                .contextualName("dot -Tsvg").lowCardinalityKeyValue("result", "ok").start();
        try (Observation.Scope scope = run.openScope()) {
            return run(dot);
        } catch (RenderException e) {
            run.lowCardinalityKeyValue("result", isAvailable() ? (e.unavailable() ? "timeout" : "failed") : "missing");
            run.error(e);
            throw e;
        } finally {
            run.stop();
        }
    }

    private String run(String dot) {
        String reason = unavailableReason;
        if (reason != null) {
            reason = probe(); // installed meanwhile?
            unavailableReason = reason;
            if (reason != null) {
                throw RenderException.unavailable(reason);
            }
        }
        runs.incrementAndGet();
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(dotCommand, "-Tsvg").directory(sandbox.toFile());
            builder.environment().put("GV_FILE_PATH", sandbox + "/");
            builder.environment().remove("GVBINDIR");
            process = builder.start();
        } catch (IOException e) {
            unavailableReason = missing(e);
            throw RenderException.unavailable(unavailableReason);
        }
        byte[] input = dot.getBytes(StandardCharsets.UTF_8);
        CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()), IO);
        CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()), IO);
        CompletableFuture<Void> stdin = CompletableFuture.runAsync(() -> {
            try (OutputStream out = process.getOutputStream()) {
                out.write(input);
            } catch (IOException ignored) {
                // dot exited early; its exit code says why
            }
        }, IO);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(1, TimeUnit.SECONDS);
                throw RenderException.unavailable("Graphviz dot took longer than " + describe(timeout)
                        + " and was stopped; the roadmap may be too large to lay out");
            }
            stdin.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            byte[] out = stdout.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String errors = new String(stderr.get(timeout.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8).strip();
            int exit = process.exitValue();
            if (exit != 0) {
                log.warn("Graphviz dot failed with exit code {} on {} bytes of DOT: {}", exit, input.length, errors);
                throw RenderException.failed("Graphviz could not draw this roadmap (dot "
                        + (exit > 128 ? "crashed with signal " + (exit - 128) : "failed with exit code " + exit)
                        + "). The DOT, Markdown and JSON downloads still work; the server's log has Graphviz's own words");
            }
            if (!errors.isEmpty()) {
                log.debug("Graphviz dot warned: {}", errors);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw RenderException.unavailable("rendering was interrupted");
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            log.warn("could not read the output of Graphviz dot", e);
            throw RenderException.unavailable("could not read the output of Graphviz dot");
        }
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
}
