package ladder.labs.sample;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How one sample-service process is started: the command line
 * {@code --port P --name NAME [--zipkin-url URL] [--downstream-url URL]... [--log-file PATH] [--load-rps N]
 * [--sample-rate R] [--config services.yml] [--host H] [--otlp-url URL]}.
 *
 * @param host       the address to bind; 127.0.0.1 unless told otherwise
 * @param port       the port to bind; 0 asks the operating system for a free one
 * @param name       the service name: the {@code service} tag of every meter and the Zipkin service name
 * @param zipkinUrl  the Zipkin base URL spans are sent to ({@code /api/v2/spans} is appended); none = no spans sent
 * @param downstreamUrls the services {@code /api/checkout} calls for {@code /api/payments}, in order; none = pay locally
 * @param logFile    a file that receives the request log in addition to stdout
 * @param loadRps    requests per second the service sends to itself, 0 = no load
 * @param sampleRate the share of new traces that are sampled (reported to Zipkin), 0.0 to 1.0
 * @param servicesFile a {@code services.yml} whose section for this service overrides the tracing options,
 *                   re-read when it changes; when not given, {@code services.yml} in the working directory
 *                   (watched even while it does not exist)
 * @param otlpUrl    the OTLP/HTTP endpoint (a collector's {@code http://HOST:4318}) the OpenTelemetry Java agent this
 *                   JVM was started with exports metrics, logs and traces to; none = no agent. With it, the agent
 *                   traces the requests and Brave is off ({@link SampleTracing#otlp}), so that a log line carries the
 *                   trace id of the span the collector receives; Zipkin settings are then refused or ignored
 */
public record SampleOptions(
        String host,
        int port,
        String name,
        @Nullable URI zipkinUrl,
        List<URI> downstreamUrls,
        @Nullable Path logFile,
        double loadRps,
        double sampleRate,
        @Nullable Path servicesFile,
        @Nullable URI otlpUrl) {

    public SampleOptions {
        downstreamUrls = List.copyOf(downstreamUrls);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
        }
        if (name.isBlank() || !name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException(
                    "--name must be 1 to 64 letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        if (loadRps < 0 || loadRps > 1000) {
            throw new IllegalArgumentException("--load-rps must be between 0 and 1000, got " + loadRps);
        }
        if (sampleRate < 0 || sampleRate > 1) {
            throw new IllegalArgumentException("--sample-rate must be between 0.0 and 1.0, got " + sampleRate);
        }
        if (otlpUrl != null && zipkinUrl != null) {
            throw new IllegalArgumentException("--otlp-url and --zipkin-url exclude each other: with OTLP the collector"
                    + " decides where traces go");
        }
    }

    /** Options for a service called {@code name} on a free port, with nothing else configured. */
    public static SampleOptions named(String name) {
        return new SampleOptions("127.0.0.1", 0, name, null, List.of(), null, 0, 1.0, null, null);
    }

    public SampleOptions withZipkinUrl(@Nullable URI url) {
        return new SampleOptions(host, port, name, url, downstreamUrls, logFile, loadRps, sampleRate, servicesFile, otlpUrl);
    }

    /** These options with one more downstream service. */
    public SampleOptions withDownstreamUrl(URI url) {
        List<URI> urls = new ArrayList<>(downstreamUrls);
        urls.add(url);
        return new SampleOptions(host, port, name, zipkinUrl, urls, logFile, loadRps, sampleRate, servicesFile, otlpUrl);
    }

    public SampleOptions withOtlpUrl(@Nullable URI url) {
        return new SampleOptions(host, port, name, zipkinUrl, downstreamUrls, logFile, loadRps, sampleRate, servicesFile, url);
    }

    public SampleOptions withServicesFile(@Nullable Path file) {
        return new SampleOptions(host, port, name, zipkinUrl, downstreamUrls, logFile, loadRps, sampleRate, file, otlpUrl);
    }

    public SampleOptions withLogFile(@Nullable Path file) {
        return new SampleOptions(host, port, name, zipkinUrl, downstreamUrls, file, loadRps, sampleRate, servicesFile, otlpUrl);
    }

    public SampleOptions withLoadRps(double rps) {
        return new SampleOptions(host, port, name, zipkinUrl, downstreamUrls, logFile, rps, sampleRate, servicesFile, otlpUrl);
    }

    public SampleOptions withSampleRate(double rate) {
        return new SampleOptions(host, port, name, zipkinUrl, downstreamUrls, logFile, loadRps, rate, servicesFile, otlpUrl);
    }

    /**
     * Reads the command line. Every option takes a value, as {@code --opt value} or {@code --opt=value};
     * an empty value means "not set", so a runtime can pass {@code --zipkin-url=} for "no tracing".
     *
     * @throws IllegalArgumentException naming the option and the problem
     */
    public static SampleOptions parse(String... args) {
        String host = "127.0.0.1";
        Integer port = null;
        String name = null;
        URI zipkin = null;
        List<URI> downstream = new ArrayList<>();
        Path logFile = null;
        double loadRps = 0;
        double sampleRate = 1.0;
        Path servicesFile = null;
        URI otlp = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String key;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                key = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else {
                key = arg.substring(2);
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("--" + key + " needs a value");
                }
                value = args[++i];
            }
            String v = value.strip();
            switch (key.toLowerCase(Locale.ROOT)) {
                case "host" -> host = v.isEmpty() ? "127.0.0.1" : v;
                case "port" -> port = integer(key, v);
                case "name" -> name = v;
                case "zipkin-url" -> zipkin = url(key, v);
                case "downstream-url" -> { // repeatable
                    URI url = url(key, v);
                    if (url != null) {
                        downstream.add(url);
                    }
                }
                case "log-file" -> logFile = v.isEmpty() ? null : Path.of(v);
                case "load-rps" -> loadRps = v.isEmpty() ? 0 : decimal(key, v);
                case "sample-rate" -> sampleRate = v.isEmpty() ? 1.0 : decimal(key, v);
                case "config" -> servicesFile = v.isEmpty() ? null : Path.of(v);
                case "otlp-url" -> otlp = url(key, v);
                default -> throw new IllegalArgumentException("unknown option --" + key
                        + " (known: --port, --name, --host, --zipkin-url, --downstream-url, --log-file,"
                        + " --load-rps, --sample-rate, --config, --otlp-url)");
            }
        }
        if (port == null || name == null) {
            throw new IllegalArgumentException("--port and --name are required");
        }
        return new SampleOptions(host, port, name, zipkin, downstream, logFile, loadRps, sampleRate, servicesFile, otlp);
    }

    private static int integer(String key, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number, got '" + value + "'");
        }
    }

    private static double decimal(String key, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a number, got '" + value + "'");
        }
    }

    private static @Nullable URI url(String key, String value) {
        if (value.isEmpty()) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + key + " is not a URL: '" + value + "'");
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--" + key + " must be an http:// URL with a host, got '" + value + "'");
        }
        return uri;
    }
}
