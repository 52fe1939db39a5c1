package ladder.labs.runtime;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import ladder.model.lab.CheckType;
import ladder.model.lab.ComponentKind;
import ladder.model.lab.ComponentSpec;
import org.jspecify.annotations.Nullable;

/**
 * Everything Ladder knows about one kind of component, for every runtime: its command line, the endpoint
 * that says it is ready, how it reloads its configuration and which tool validates it, and the Debian
 * packages its container image installs. One class per kind ({@link #of}), like the check evaluators.
 */
public sealed interface ComponentRecipe {

    /** The recipe of a kind. */
    static ComponentRecipe of(ComponentKind kind) {
        return switch (kind) {
            case PROMETHEUS -> new Prometheus();
            case ALERTMANAGER -> new Alertmanager();
            case NODE_EXPORTER -> new NodeExporter();
            case ZIPKIN -> new Zipkin();
            case SAMPLE_SERVICE -> new SampleService();
            case BLACKBOX_EXPORTER -> new BlackboxExporter();
            case POSTGRES -> new Postgres();
            case POSTGRES_EXPORTER -> new PostgresExporter();
            case GRAFANA -> new Grafana();
            case LOKI -> new Upstream("/ready", "-config.file=");
            case TEMPO -> new Upstream("/ready", "-config.file=");
            case OTEL_COLLECTOR -> new Upstream("/", "--config=");
        };
    }

    /** Path answering 200 once the component serves. */
    String readinessPath();

    /**
     * Whether the component at {@code url} ({@code http://HOST:PORT}) is ready: by default its readiness path
     * answers 200.
     *
     * @param password the session's database password ({@link LabSession#componentPassword()})
     */
    default boolean ready(java.net.http.HttpClient http, String url, String password) {
        return ComponentReload.answers(http, url + readinessPath());
    }

    /** Whether it speaks HTTP on its port (a page or an API the proxy can show); PostgreSQL does not. */
    default boolean servesHttp() {
        return true;
    }

    /** Environment variables the component needs (e.g. a password), besides the runtime's own. */
    default java.util.Map<String, String> environment(Launch launch) {
        return java.util.Map.of();
    }

    /** The tool validating the component's configuration file, if it has one. */
    default Optional<CheckType.ConfigTool> configTool() {
        return Optional.empty();
    }

    /** Whether it re-reads its configuration on {@code POST /-/reload} (otherwise it watches its files, or has none). */
    default boolean reloadsOnPost() {
        return configTool().isPresent();
    }

    /** Debian packages its image installs on {@code debian:bookworm-slim}; empty for the Java components. */
    List<String> debianPackages();

    /** Whether it runs on the Java runtime (Zipkin, the sample service) rather than a Debian binary. */
    default boolean java() {
        return debianPackages().isEmpty() && !upstream();
    }

    /**
     * Whether it comes from a pinned upstream image ({@link UpstreamImages}): Docker only, and its command line is the
     * arguments of the image's own entrypoint.
     */
    default boolean upstream() {
        return false;
    }

    /** The command line of one component. */
    List<String> command(Launch launch);

    /** The validator's command line for a file, e.g. {@code promtool check rules FILE}. */
    static List<String> validatorCommand(CheckType.ConfigTool tool, Binaries binaries, String file) {
        return switch (tool) {
            case PROMETHEUS_CONFIG -> List.of(binaries.promtool(), "check", "config", file);
            case PROMETHEUS_RULES -> List.of(binaries.promtool(), "check", "rules", file);
            case ALERTMANAGER_CONFIG -> List.of(binaries.amtool(), "check-config", file);
        };
    }

    /**
     * Where the executables are: on the host for the process runtime, in the images for the Docker runtime.
     *
     * @param sampleClasspath the classpath holding the sample service
     */
    record Binaries(String prometheus, String alertmanager, String nodeExporter, String blackboxExporter, String promtool,
                    String amtool, String java, @Nullable String zipkinJar, String sampleClasspath, String postgresBin,
                    String postgresExporter, @Nullable String otelAgentJar) {

        /** Debian bookworm's PostgreSQL 15 ({@code initdb}, {@code postgres}), on the host and in the image. */
        public static final String POSTGRES_BIN = "/usr/lib/postgresql/15/bin";
        public static final String POSTGRES_EXPORTER = "/usr/bin/prometheus-postgres-exporter";

        /** The paths inside Ladder's lab images (see {@code ladder/labs/docker/}). */
        public static final Binaries IN_IMAGES = new Binaries("/usr/bin/prometheus", "/usr/bin/prometheus-alertmanager",
                "/usr/bin/prometheus-node-exporter", "/usr/bin/prometheus-blackbox-exporter", "/usr/bin/promtool",
                "/usr/bin/amtool", "/opt/java/bin/java", "/opt/zipkin/zipkin.jar", "/opt/sample/lib/*", POSTGRES_BIN,
                POSTGRES_EXPORTER, "/opt/otel/opentelemetry-javaagent.jar");
    }

    /**
     * One start of one component.
     *
     * @param listenHost the address it binds: 127.0.0.1 for processes, every interface of its own network namespace in a container
     * @param config     the rendered configuration file's path, or null when it has none
     * @param data       the folder it may write
     * @param url        {@code http://127.0.0.1:PORT} of another component of the session, by name
     * @param jvmOptions extra options for the Java components (the process runtime's class data sharing)
     * @param uiPath     where a proxy serves this component's UI, {@code /labs/sessions/<session>/ui/<name>/}, or null
     *                   when it is reached directly: the links in its pages must then carry that path
     * @param database   {@code 127.0.0.1:PORT} of the lab's PostgreSQL inside the session, or null when it has none
     * @param password   the session's database password, random per session
     * @param runAs      for PostgreSQL, which refuses to run as root: the user to become when Ladder runs as root
     *                   ({@code postgres}, Debian's), or null to stay who it is
     */
    record Launch(ComponentSpec component, int port, String listenHost, @Nullable String config, String data,
                  Binaries binaries, UnaryOperator<String> url, List<String> jvmOptions, @Nullable String uiPath,
                  @Nullable String database, String password, @Nullable String runAs) {

        /** Without a database, for the labs that have none (and tests). */
        Launch(ComponentSpec component, int port, String listenHost, @Nullable String config, String data,
               Binaries binaries, UnaryOperator<String> url, List<String> jvmOptions, @Nullable String uiPath) {
            this(component, port, listenHost, config, data, binaries, url, jvmOptions, uiPath, null, "", null);
        }

        /** Prometheus's and Alertmanager's links carry the proxy's path; they still serve at / where the checks look. */
        List<String> externalUrl() {
            return uiPath == null ? List.of()
                    : List.of("--web.external-url=http://localhost" + uiPath, "--web.route-prefix=/");
        }

        String listen() {
            return listenHost + ":" + port;
        }

        String requireConfig() {
            if (config == null) {
                throw new IllegalStateException(component.name() + " has no configuration file");
            }
            return config;
        }
    }

    /** Debian's {@code prometheus}; {@code promtool} validates configuration and rules. */
    record Prometheus() implements ComponentRecipe {
        @Override public String readinessPath() { return "/-/ready"; }
        @Override public Optional<CheckType.ConfigTool> configTool() { return Optional.of(CheckType.ConfigTool.PROMETHEUS_CONFIG); }
        @Override public List<String> debianPackages() { return List.of("prometheus"); }
        @Override public List<String> command(Launch launch) {
            List<String> command = new java.util.ArrayList<>(List.of(launch.binaries().prometheus(),
                    "--config.file=" + launch.requireConfig(),
                    "--web.listen-address=" + launch.listen(),
                    "--storage.tsdb.path=" + launch.data(),
                    "--web.enable-lifecycle",
                    // Debian's 2.42 waits a minute between resends by default: far too long for a lab's check
                    "--rules.alert.resend-delay=5s"));
            for (String feature : launch.component().features()) {
                command.add("--enable-feature=" + feature);
            }
            command.addAll(launch.externalUrl());
            return command;
        }
    }

    /** Debian's {@code prometheus-alertmanager}, alone (no cluster); {@code amtool} validates its configuration. */
    record Alertmanager() implements ComponentRecipe {
        @Override public String readinessPath() { return "/-/ready"; }
        @Override public Optional<CheckType.ConfigTool> configTool() { return Optional.of(CheckType.ConfigTool.ALERTMANAGER_CONFIG); }
        @Override public List<String> debianPackages() { return List.of("prometheus-alertmanager"); }
        @Override public List<String> command(Launch launch) {
            List<String> command = new java.util.ArrayList<>(List.of(launch.binaries().alertmanager(),
                    "--config.file=" + launch.requireConfig(),
                    "--web.listen-address=" + launch.listen(),
                    "--cluster.listen-address=",
                    "--storage.path=" + launch.data()));
            command.addAll(launch.externalUrl());
            return command;
        }
    }

    /** Debian's {@code prometheus-node-exporter}; there is no systemd to ask in a lab. */
    record NodeExporter() implements ComponentRecipe {
        @Override public String readinessPath() { return "/metrics"; }
        @Override public List<String> debianPackages() { return List.of("prometheus-node-exporter"); }
        @Override public List<String> command(Launch launch) {
            return List.of(launch.binaries().nodeExporter(),
                    "--web.listen-address=" + launch.listen(),
                    "--no-collector.systemd",
                    "--collector.textfile.directory=" + launch.data());
        }
    }

    /**
     * Debian's {@code prometheus-blackbox-exporter}: probes what Prometheus asks it to ({@code /probe?target=…&module=…})
     * with the modules of its configuration file, which it re-reads on {@code POST /-/reload} (refusing, with the reason,
     * a file it cannot load).
     */
    record BlackboxExporter() implements ComponentRecipe {
        @Override public String readinessPath() { return "/-/healthy"; }
        @Override public boolean reloadsOnPost() { return true; }
        @Override public List<String> debianPackages() { return List.of("prometheus-blackbox-exporter"); }
        @Override public List<String> command(Launch launch) {
            return List.of(launch.binaries().blackboxExporter(),
                    "--config.file=" + launch.requireConfig(),
                    "--web.listen-address=" + launch.listen());
        }
    }

    /** Zipkin's executable jar, small heap, quick start; its query port comes from {@code QUERY_PORT} too. */
    record Zipkin() implements ComponentRecipe {
        @Override public String readinessPath() { return "/health"; }
        @Override public List<String> debianPackages() { return List.of(); }
        @Override public List<String> command(Launch launch) {
            List<String> command = new java.util.ArrayList<>(List.of(launch.binaries().java(),
                    "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
            command.addAll(launch.jvmOptions());
            command.addAll(List.of("-jar", String.valueOf(launch.binaries().zipkinJar()),
                    "--armeria.ports[0].port=" + launch.port(),
                    "--armeria.ports[0].ip=" + launch.listenHost(),
                    "--armeria.ports[0].protocols[0]=http"));
            if (launch.uiPath() != null) {
                // Zipkin's UI lives at /zipkin/; its <base href> must carry the proxy's path
                command.add("--zipkin.ui.basepath=" + launch.uiPath() + "zipkin");
            }
            return command;
        }
    }

    /**
     * Ladder's instrumented shop ({@code ladder.labs.sample.SampleService}); it watches its files itself. With
     * {@code otlp: COLLECTOR} it runs under the OpenTelemetry Java agent, which sends its metrics, logs and traces over
     * OTLP/HTTP to the collector's port {@value #OTLP_HTTP_PORT} (see {@link #otlpEnvironment}).
     */
    record SampleService() implements ComponentRecipe {
        static final String MAIN_CLASS = "ladder.labs.sample.SampleService";
        /** The collector's OTLP/HTTP port inside the session (its receiver's default; the lab's file names it). */
        static final int OTLP_HTTP_PORT = 4318;

        @Override public java.util.Map<String, String> environment(Launch launch) {
            ComponentSpec component = launch.component();
            return component.otlp() == null ? java.util.Map.of()
                    : otlpEnvironment(component.name(), otlpUrl(launch.url().apply(component.otlp())));
        }

        /** {@code http://HOST:4318} of the collector whose main (health) port is at {@code collectorUrl}. */
        static String otlpUrl(String collectorUrl) {
            java.net.URI uri = java.net.URI.create(collectorUrl);
            return "http://" + uri.getHost() + ":" + OTLP_HTTP_PORT;
        }

        /**
         * The agent's settings: the service's name, OTLP/HTTP (protobuf) to {@code endpoint} for all three signals
         * every second (a lab's check should not wait the default minute for a metric), every trace sampled, the
         * Micrometer bridge on (the shop's own meters), the trace and span ids in the MDC under the names the shop's
         * log pattern reads ({@code traceId}, {@code spanId}: the same ids as in the exported span and log record).
         */
        static java.util.Map<String, String> otlpEnvironment(String service, String endpoint) {
            java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
            env.put("OTEL_SERVICE_NAME", service);
            env.put("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint);
            env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
            env.put("OTEL_TRACES_EXPORTER", "otlp");
            env.put("OTEL_METRICS_EXPORTER", "otlp");
            env.put("OTEL_LOGS_EXPORTER", "otlp");
            env.put("OTEL_TRACES_SAMPLER", "parentbased_always_on");
            env.put("OTEL_METRIC_EXPORT_INTERVAL", "1000");
            env.put("OTEL_BSP_SCHEDULE_DELAY", "500");
            env.put("OTEL_BLRP_SCHEDULE_DELAY", "500");
            env.put("OTEL_INSTRUMENTATION_MICROMETER_ENABLED", "true");
            env.put("OTEL_INSTRUMENTATION_COMMON_LOGGING_TRACE_ID", "traceId");
            env.put("OTEL_INSTRUMENTATION_COMMON_LOGGING_SPAN_ID", "spanId");
            return env;
        }

        @Override public String readinessPath() { return "/health"; }
        @Override public List<String> debianPackages() { return List.of(); }
        @Override public List<String> command(Launch launch) {
            ComponentSpec component = launch.component();
            List<String> command = new java.util.ArrayList<>(List.of(launch.binaries().java(),
                    "-Xms16m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
            command.addAll(launch.jvmOptions());
            if (component.otlp() != null) {
                if (launch.binaries().otelAgentJar() == null) {
                    throw new LabStartException(component.name() + " sends OTLP through the OpenTelemetry Java agent, whose jar"
                            + " was not found (labs/target/components/opentelemetry-javaagent.jar, or -Dladder.labs.otel.agent.jar)");
                }
                command.add("-javaagent:" + launch.binaries().otelAgentJar());
            }
            command.addAll(List.of("-cp", launch.binaries().sampleClasspath(), MAIN_CLASS,
                    "--port", Integer.toString(launch.port()),
                    "--name", component.name()));
            if (!launch.listenHost().equals("127.0.0.1")) {
                command.addAll(List.of("--host", launch.listenHost()));
            }
            if (component.zipkin() != null) {
                command.addAll(List.of("--zipkin-url", launch.url().apply(component.zipkin())));
            }
            if (component.otlp() != null) {
                command.addAll(List.of("--otlp-url", otlpUrl(launch.url().apply(component.otlp()))));
            }
            for (String downstream : component.downstream()) {
                command.addAll(List.of("--downstream-url", launch.url().apply(downstream)));
            }
            return command;
        }
    }

    /**
     * Debian's PostgreSQL 15: a fresh cluster per session ({@code initdb} with the session's random password,
     * SCRAM authentication for every TCP client), then the server, on TCP only (no Unix socket), with
     * {@code max_connections} 20 so that a lab can come near it, small buffers and no fsync (a lab's data is
     * thrown away). Every client needs the password; the address it listens on is the session's (127.0.0.1, or
     * the sandbox namespace whose port is published on the lab host's address only). The shell stays the parent
     * of the server, so its command line names the session's data folder (which the process runtime's sweep
     * matches) and the server is stopped with it.
     */
    record Postgres() implements ComponentRecipe {
        static final int MAX_CONNECTIONS = 20;
        private static final String SCRIPT = String.join("\n",
                "set -e",
                "bin=$1; data=$2; listen=$3; port=$4",
                "umask 077",
                "printf '%s\\n' \"$LADDER_LAB_DB_PASSWORD\" > \"$data/password\"",
                "\"$bin/initdb\" --pgdata=\"$data/pgdata\" --username=postgres --pwfile=\"$data/password\" --auth=scram-sha-256 "
                        + "--locale=C --encoding=UTF8 --no-sync --no-instructions >/dev/null",
                "rm -f \"$data/password\"",
                "printf 'host all all 0.0.0.0/0 scram-sha-256\\nhost all all ::/0 scram-sha-256\\n' >> \"$data/pgdata/pg_hba.conf\"",
                "trap 'kill -INT $pid 2>/dev/null; wait $pid' TERM INT",
                "\"$bin/postgres\" -D \"$data/pgdata\" -c listen_addresses=\"$listen\" -p \"$port\" -c unix_socket_directories= "
                        + "-c max_connections=" + MAX_CONNECTIONS + " -c shared_buffers=16MB -c fsync=off -c full_page_writes=off "
                        + "-c log_min_messages=warning -c log_connections=off &",
                "pid=$!",
                "wait $pid");

        @Override public String readinessPath() { return ""; }
        @Override public boolean servesHttp() { return false; }
        @Override public List<String> debianPackages() { return List.of("postgresql"); }

        @Override public boolean ready(java.net.http.HttpClient http, String url, String password) {
            java.net.URI uri = java.net.URI.create(url);
            java.util.Properties properties = new java.util.Properties();
            properties.setProperty("user", "postgres");
            properties.setProperty("password", password);
            properties.setProperty("connectTimeout", "2");
            properties.setProperty("loginTimeout", "2");
            try (java.sql.Connection connection = new org.postgresql.Driver().connect(
                    "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + "/postgres", properties)) {
                return connection != null && connection.isValid(2);
            } catch (java.sql.SQLException e) {
                return false; // not up yet (or starting up)
            }
        }

        @Override public java.util.Map<String, String> environment(Launch launch) {
            return java.util.Map.of("LADDER_LAB_DB_PASSWORD", launch.password());
        }

        @Override public List<String> command(Launch launch) {
            List<String> command = new java.util.ArrayList<>();
            if (launch.runAs() != null) {
                command.addAll(List.of("/usr/bin/setpriv", "--reuid=" + launch.runAs(), "--regid=" + launch.runAs(),
                        "--init-groups", "--no-new-privs"));
            }
            command.addAll(List.of("/bin/sh", "-c", SCRIPT, "lab-postgres", launch.binaries().postgresBin(), launch.data(),
                    launch.listenHost(), Integer.toString(launch.port())));
            return command;
        }
    }

    /**
     * Debian's {@code prometheus-postgres-exporter}, reading the lab's PostgreSQL as {@code postgres} with the
     * session's password (given in {@code DATA_SOURCE_NAME}, never on the command line).
     */
    record PostgresExporter() implements ComponentRecipe {
        @Override public String readinessPath() { return "/metrics"; }
        @Override public List<String> debianPackages() { return List.of("prometheus-postgres-exporter"); }

        @Override public java.util.Map<String, String> environment(Launch launch) {
            if (launch.database() == null) {
                throw new IllegalStateException(launch.component().name() + " needs a postgres component in its lab");
            }
            return java.util.Map.of("DATA_SOURCE_NAME", "postgresql://postgres:"
                    + java.net.URLEncoder.encode(launch.password(), java.nio.charset.StandardCharsets.UTF_8)
                    + "@" + launch.database() + "/postgres?sslmode=disable");
        }

        @Override public List<String> command(Launch launch) {
            return List.of(launch.binaries().postgresExporter(), "--web.listen-address=" + launch.listen());
        }
    }

    /**
     * Grafana from its upstream image, set up through its environment: the lab's provisioning folder ({@code config},
     * e.g. {@code provisioning} with {@code datasources/} and {@code dashboards/}), its port, data under
     * {@code /lab/data}, the session's password for {@code admin} (Ladder's checks sign in with it), anonymous
     * viewers (the proxy already lets only the session's owner and mentors in), no phoning home, and the proxy's
     * path as its root URL.
     */
    record Grafana() implements ComponentRecipe {
        @Override public String readinessPath() { return "/api/health"; }
        @Override public List<String> debianPackages() { return List.of(); }
        @Override public boolean upstream() { return true; }
        @Override public List<String> command(Launch launch) { return List.of(); } // the image's /run.sh
        @Override public java.util.Map<String, String> environment(Launch launch) {
            java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
            env.put("GF_SERVER_HTTP_ADDR", launch.listenHost());
            env.put("GF_SERVER_HTTP_PORT", Integer.toString(launch.port()));
            env.put("GF_PATHS_DATA", launch.data());
            env.put("GF_PATHS_LOGS", launch.data() + "/log");
            env.put("GF_PATHS_PLUGINS", launch.data() + "/plugins");
            env.put("GF_PATHS_PROVISIONING", launch.requireConfig());
            env.put("GF_SECURITY_ADMIN_PASSWORD", launch.password());
            env.put("GF_AUTH_ANONYMOUS_ENABLED", "true");
            env.put("GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer");
            env.put("GF_ANALYTICS_REPORTING_ENABLED", "false");
            env.put("GF_ANALYTICS_CHECK_FOR_UPDATES", "false");
            env.put("GF_ANALYTICS_CHECK_FOR_PLUGIN_UPDATES", "false");
            if (launch.uiPath() != null) {
                env.put("GF_SERVER_ROOT_URL", "http://localhost" + launch.uiPath());
            }
            return env;
        }
    }

    /**
     * Loki, Tempo and the OpenTelemetry Collector from their upstream images: the image's entrypoint with the lab's
     * configuration file, in which the lab names its port ({@code http_listen_port: ${port:loki}}, the collector's
     * {@code health_check} extension on {@code 0.0.0.0:${port:otel-collector}}) and keeps its other listeners
     * (gRPC, OTLP) on fixed ports inside the session, which are never published.
     *
     * @param readinessPath answers 200 once it serves
     * @param configFlag    how its entrypoint takes the configuration file
     */
    record Upstream(String readinessPath, String configFlag) implements ComponentRecipe {
        @Override public List<String> debianPackages() { return List.of(); }
        @Override public boolean upstream() { return true; }
        @Override public List<String> command(Launch launch) {
            return List.of(configFlag + launch.requireConfig());
        }
    }
}
