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
 * [--sample-rate R] [--host H]}.
 *
 * @param host       the address to bind; 127.0.0.1 unless told otherwise
 * @param port       the port to bind; 0 asks the operating system for a free one
 * @param name       the service name: the {@code service} tag of every meter and the Zipkin service name
 * @param zipkinUrl  the Zipkin base URL spans are sent to ({@code /api/v2/spans} is appended); none = no spans sent
 * @param downstreamUrls the services {@code /api/checkout} calls for {@code /api/payments}, in order; none = pay locally
 * @param logFile    a file that receives the request log in addition to stdout
 * @param loadRps    requests per second the service sends to itself, 0 = no load
 * @param sampleRate the share of new traces that are sampled (reported to Zipkin), 0.0 to 1.0
 */
public record SampleOptions(
        String host,
        int port,
        String name,
        @Nullable URI zipkinUrl,
        List<URI> downstreamUrls,
        @Nullable Path logFile,
        double loadRps,
        double sampleRate) {

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
    }

    /** Options for a service called {@code name} on a free port, with nothing else configured. */
    public static SampleOptions named(String name) {
        return new SampleOptions("127.0.0.1", 0, name, null, List.of(), null, 0, 1.0);
    }

    public SampleOptions withZipkinUrl(@Nullable URI url) {
        return new SampleOptions(host, port, name, url, downstreamUrls, logFile, loadRps, sampleRate);
    }

    /** These options with one more downstream service. */
    public SampleOptions withDownstreamUrl(URI url) {
        List<URI> urls = new ArrayList<>(downstreamUrls);
        urls.add(url);
        return new SampleOptions(host, port, name, zipkinUrl, urls, logFile, loadRps, sampleRate);
    }

    public SampleOptions withLogFile(@Nullable Path file) {
        return new SampleOptions(host, port, name, zipkinUrl, downstreamUrls, file, loadRps, sampleRate);
    }

    public SampleOptions withLoadRps(double rps) {
        return new SampleOptions(host, port, name, zipkinUrl, downstreamUrls, logFile, rps, sampleRate);
    }

    public SampleOptions withSampleRate(double rate) {
        return new SampleOptions(host, port, name, zipkinUrl, downstreamUrls, logFile, loadRps, rate);
    }

    /**
     * Reads the command line. Every option takes a value, as {@code --opt value} or {@code --opt=value};
     * an empty value means "not set", so a runtime can pass {@code --zipkin-url=} for "no tracing".
     *
     * @throws IllegalArgumentException naming the option and the problem
     */
    public static SampleOptions parse(String... args) {
        SampleOptions options = named("sample-service");
        boolean portGiven = false;
        boolean nameGiven = false;
        List<String> list = new ArrayList<>(List.of(args));
        for (int i = 0; i < list.size(); i++) {
            String arg = list.get(i);
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
                if (i + 1 >= list.size()) {
                    throw new IllegalArgumentException("--" + key + " needs a value");
                }
                value = list.get(++i);
            }
            String v = value.strip();
            options = switch (key.toLowerCase(Locale.ROOT)) {
                case "host" -> new SampleOptions(v.isEmpty() ? "127.0.0.1" : v, options.port, options.name,
                        options.zipkinUrl, options.downstreamUrls, options.logFile, options.loadRps, options.sampleRate);
                case "port" -> {
                    portGiven = true;
                    yield new SampleOptions(options.host, integer(key, v), options.name, options.zipkinUrl,
                            options.downstreamUrls, options.logFile, options.loadRps, options.sampleRate);
                }
                case "name" -> {
                    nameGiven = true;
                    yield new SampleOptions(options.host, options.port, v, options.zipkinUrl,
                            options.downstreamUrls, options.logFile, options.loadRps, options.sampleRate);
                }
                case "zipkin-url" -> options.withZipkinUrl(url(key, v));
                case "downstream-url" -> {
                    URI url = url(key, v);
                    yield url == null ? options : options.withDownstreamUrl(url); // repeatable
                }
                case "log-file" -> options.withLogFile(v.isEmpty() ? null : Path.of(v));
                case "load-rps" -> options.withLoadRps(v.isEmpty() ? 0 : decimal(key, v));
                case "sample-rate" -> options.withSampleRate(v.isEmpty() ? 1.0 : decimal(key, v));
                default -> throw new IllegalArgumentException("unknown option --" + key
                        + " (known: --port, --name, --host, --zipkin-url, --downstream-url, --log-file,"
                        + " --load-rps, --sample-rate)");
            };
        }
        if (!portGiven || !nameGiven) {
            throw new IllegalArgumentException("--port and --name are required");
        }
        return options;
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
