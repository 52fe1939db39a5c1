package ladder.labs.sample;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The optional {@code services.yml} that configures the instances' tracing from a lab's workspace, since
 * the lab runtime starts every sample service with the same fixed command line. One section per service
 * name; a service without a section keeps its command-line settings:
 *
 * <pre>{@code
 * frontend:
 *   tracing:
 *     zipkin-url: http://127.0.0.1:9411   # empty or absent: no spans sent
 *     sample-rate: 1.0                    # share of new traces sampled, 0.0 to 1.0
 *   load:
 *     rps: 2                              # requests per second it sends itself, as POST /admin/load
 *   faults:
 *     slow-dependency: random             # one of the checkout's dependencies made slow now and then
 * }</pre>
 */
final class ServicesFile {

    private static final Set<String> SERVICE_KEYS = Set.of("tracing", "load", "faults");
    private static final Set<String> TRACING_KEYS = Set.of("zipkin-url", "sample-rate");
    private static final Set<String> LOAD_KEYS = Set.of("rps");
    private static final Set<String> FAULTS_KEYS = Set.of("slow-dependency");

    /** The tracing settings for one service. */
    record Tracing(@Nullable URI zipkinUrl, double sampleRate) {
    }

    /**
     * What the file sets for one service.
     *
     * @param tracing        the tracing, over the command line's
     * @param loadRps        the self-load, when the file sets one
     * @param slowDependency the checkout's dependency to make slow ({@link SlowDependency#RANDOM} for one at random),
     *                       when the file sets one; empty for none
     */
    record Settings(Tracing tracing, @Nullable Double loadRps, @Nullable String slowDependency) {
    }

    private ServicesFile() {
    }

    /**
     * What {@code file} sets for {@code service}, its tracing over {@code base}.
     *
     * @throws IllegalArgumentException naming the file, the field and the problem
     */
    static Settings read(Path file, String service, Tracing base) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Object parsed;
        try {
            parsed = loadSafely(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": not YAML: " + e.getMessage());
        }
        Settings none = new Settings(base, null, null);
        if (parsed == null) {
            return none;
        }
        if (!(parsed instanceof Map<?, ?> services)) {
            throw new IllegalArgumentException(file + ": expected a map of service names, like 'frontend: {tracing: {...}}'");
        }
        Object section = services.get(service);
        if (section == null) {
            return none;
        }
        String at = file + ": " + service;
        Map<?, ?> fields = map(section, at);
        unknown(fields, SERVICE_KEYS, at);
        return new Settings(tracing(fields.get("tracing"), service, base, at), loadRps(fields.get("load"), at),
                slowDependency(fields.get("faults"), at));
    }

    private static @Nullable Double loadRps(@Nullable Object section, String at) {
        if (section == null) {
            return null;
        }
        Map<?, ?> load = map(section, at + ".load");
        unknown(load, LOAD_KEYS, at + ".load");
        Object value = load.get("rps");
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number) || !(number.doubleValue() >= 0 && number.doubleValue() <= 1000)) {
            throw new IllegalArgumentException(at + ".load.rps: must be a number between 0 and 1000, got '" + value + "'");
        }
        return number.doubleValue();
    }

    private static @Nullable String slowDependency(@Nullable Object section, String at) {
        if (section == null) {
            return null;
        }
        Map<?, ?> faults = map(section, at + ".faults");
        unknown(faults, FAULTS_KEYS, at + ".faults");
        if (!faults.containsKey("slow-dependency")) {
            return null;
        }
        Object value = faults.get("slow-dependency");
        String name = value == null ? "" : value.toString().strip();
        if (!name.isEmpty() && !name.equals(SlowDependency.RANDOM) && !SlowDependency.CAUSES.containsKey(name)) {
            throw new IllegalArgumentException(at + ".faults.slow-dependency: '" + name + "' is not a dependency of the checkout"
                    + " (known: " + String.join(", ", SlowDependency.CAUSES.keySet()) + ", or " + SlowDependency.RANDOM + ")");
        }
        return name;
    }

    private static Tracing tracing(@Nullable Object tracingSection, String service, Tracing base, String at) {
        if (tracingSection == null) {
            return base;
        }
        Map<?, ?> tracing = map(tracingSection, at + ".tracing");
        unknown(tracing, TRACING_KEYS, at + ".tracing");
        URI zipkin = base.zipkinUrl();
        if (tracing.containsKey("zipkin-url")) {
            Object value = tracing.get("zipkin-url");
            String text2 = value == null ? "" : value.toString().strip();
            try {
                zipkin = SampleOptions.parse("--port", "0", "--name", service, "--zipkin-url", text2).zipkinUrl();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + ".tracing.zipkin-url: " + e.getMessage().replace("--zipkin-url ", ""));
            }
        }
        double rate = base.sampleRate();
        if (tracing.containsKey("sample-rate")) {
            Object value = tracing.get("sample-rate");
            if (!(value instanceof Number number) || !(number.doubleValue() >= 0 && number.doubleValue() <= 1)) {
                throw new IllegalArgumentException(at + ".tracing.sample-rate: must be a number between 0.0 and 1.0, got '"
                        + value + "'");
            }
            rate = number.doubleValue();
        }
        return new Tracing(zipkin, rate);
    }

    private static Map<?, ?> map(Object value, String at) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new IllegalArgumentException(at + ": expected a map, got '" + value + "'");
    }

    private static void unknown(Map<?, ?> map, Set<String> known, String at) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(at + "." + key + ": unknown field (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    /**
     * Reads small YAML with SnakeYAML's safe constructor: maps, lists and scalars only, at most 64 KiB, no aliases.
     *
     * @throws IllegalArgumentException with the first line of the parser's complaint
     */
    private static @Nullable Object loadSafely(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024);
        options.setMaxAliasesForCollections(0);
        try {
            return new Yaml(new SafeConstructor(options)).load(text);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new IllegalArgumentException(message.lines().findFirst().orElse(""));
        }
    }
}
