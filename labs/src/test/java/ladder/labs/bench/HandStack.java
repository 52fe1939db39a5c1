package ladder.labs.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import ladder.labs.catalog.LabFolder;
import ladder.labs.runtime.ProcessRuntimeSettings;
import ladder.model.lab.ComponentKind;
import ladder.model.lab.ComponentSpec;
import ladder.model.lab.LabPlaceholders;
import org.jspecify.annotations.Nullable;

/**
 * The reference "by hand": a lab's components started directly with the same command lines as the
 * process runtime, on the lab's solution files rendered with plain string replacement, each readiness
 * URL polled with a plain HTTP client. No engine class is involved but the model's placeholder renderer.
 */
final class HandStack implements AutoCloseable {

    /** Every process started by hand in this JVM, stopped by a shutdown hook if the benchmark is killed. */
    private static final Set<Process> ALL = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ALL.forEach(HandStack::stopTree), "hand-stack-shutdown"));
    }

    private final LabFolder lab;
    private final ProcessRuntimeSettings settings;
    private final Path directory;
    private final Duration poll;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, Duration> readyTimes = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    HandStack(LabFolder lab, ProcessRuntimeSettings settings, Path directory, Duration poll) {
        this.lab = lab;
        this.settings = settings;
        this.directory = directory;
        this.poll = poll;
    }

    /** Renders the files and the solution, starts every component and waits until each answers 200. */
    void start(Duration timeout) throws IOException, InterruptedException {
        for (ComponentSpec component : lab.definition().components()) {
            ports.put(component.name(), freePort());
            Files.createDirectories(data(component));
        }
        Files.createDirectories(logs());
        renderInto(lab.files(), rendered());
        renderInto(lab.solution(), rendered());
        Map<String, Instant> launched = new LinkedHashMap<>();
        for (ComponentSpec component : lab.definition().components()) {
            ProcessBuilder builder = new ProcessBuilder(command(component))
                    .directory(rendered().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log(component.name()).toFile()));
            builder.environment().keySet().removeIf(name -> name.startsWith("LADDER_") || name.startsWith("JAVA_TOOL"));
            if (component.kind() == ComponentKind.ZIPKIN) {
                builder.environment().put("QUERY_PORT", Integer.toString(ports.get(component.name())));
            }
            launched.put(component.name(), Instant.now());
            Process process = builder.start();
            ALL.add(process);
            processes.put(component.name(), process);
        }
        // one poller per component, as one would open a terminal per process
        List<Thread> pollers = new ArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        Instant giveUp = Instant.now().plus(timeout);
        for (ComponentSpec component : lab.definition().components()) {
            String url = url(component.name()) + readinessPath(component.kind());
            Process process = processes.get(component.name());
            pollers.add(Thread.ofVirtual().start(() -> {
                try {
                    while (!answers200(url)) {
                        if (!process.isAlive()) {
                            problems.add(component.name() + " exited with code " + process.exitValue());
                            return;
                        }
                        if (Instant.now().isAfter(giveUp)) {
                            problems.add(component.name() + " not ready within " + timeout.toSeconds() + " s");
                            return;
                        }
                        Thread.sleep(poll);
                    }
                    readyTimes.put(component.name(), Duration.between(launched.get(component.name()), Instant.now()));
                } catch (InterruptedException e) {
                    problems.add(component.name() + ": interrupted");
                }
            }));
        }
        for (Thread poller : pollers) {
            poller.join();
        }
        if (!problems.isEmpty()) {
            throw new IOException("by hand, " + String.join("; ", problems));
        }
    }

    /** The same command lines as the process runtime (see docs/labs.md and ProcessLabSession). */
    private List<String> command(ComponentSpec component) {
        int port = ports.get(component.name());
        String listen = "127.0.0.1:" + port;
        List<String> command = new ArrayList<>();
        switch (component.kind()) {
            case PROMETHEUS -> command.addAll(List.of(settings.prometheus().toString(),
                    "--config.file=" + rendered().resolve(String.valueOf(component.config())),
                    "--web.listen-address=" + listen,
                    "--storage.tsdb.path=" + data(component),
                    "--web.enable-lifecycle",
                    "--rules.alert.resend-delay=5s"));
            case ALERTMANAGER -> command.addAll(List.of(settings.alertmanager().toString(),
                    "--config.file=" + rendered().resolve(String.valueOf(component.config())),
                    "--web.listen-address=" + listen,
                    "--cluster.listen-address=",
                    "--storage.path=" + data(component)));
            case NODE_EXPORTER -> command.addAll(List.of(settings.nodeExporter().toString(),
                    "--web.listen-address=" + listen,
                    "--no-collector.systemd",
                    "--collector.textfile.directory=" + data(component)));
            case BLACKBOX_EXPORTER -> command.addAll(List.of(settings.blackboxExporter().toString(),
                    "--config.file=" + rendered().resolve(String.valueOf(component.config())),
                    "--web.listen-address=" + listen));
            case ZIPKIN -> {
                command.addAll(List.of(settings.java().toString(),
                        "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"));
                Path archive = zipkinArchive();
                if (archive != null) {
                    command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-XX:+VerifySharedSpaces",
                            "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
                }
                command.addAll(List.of("-jar", String.valueOf(settings.zipkinJar()),
                        "--armeria.ports[0].port=" + port,
                        "--armeria.ports[0].ip=127.0.0.1",
                        "--armeria.ports[0].protocols[0]=http"));
            }
            case POSTGRES, POSTGRES_EXPORTER, GRAFANA, LOKI, TEMPO, OTEL_COLLECTOR ->
                    throw new UnsupportedOperationException("no by-hand " + component.kind().yamlName() + " in the benchmark");
            case SAMPLE_SERVICE -> {
                command.addAll(List.of(settings.java().toString(),
                        "-Xms16m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                        "-cp", settings.sampleClasspath(),
                        "ladder.labs.sample.SampleService",
                        "--port", Integer.toString(port),
                        "--name", component.name()));
                if (component.zipkin() != null) {
                    command.addAll(List.of("--zipkin-url", url(component.zipkin())));
                }
                for (String downstream : component.downstream()) {
                    command.addAll(List.of("--downstream-url", url(downstream)));
                }
            }
        }
        return command;
    }

    /** The class data sharing archive the engine's Zipkin sessions wrote, if there is one: the same process. */
    private @Nullable Path zipkinArchive() {
        Path cache = settings.dataDirectory().resolve("labs").resolve("cache");
        if (!Files.isDirectory(cache)) {
            return null;
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(file -> file.getFileName().toString().matches("zipkin-[0-9a-f-]+\\.jsa"))
                    .max(Comparator.comparingLong(file -> file.toFile().lastModified()))
                    .orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static String readinessPath(ComponentKind kind) {
        return switch (kind) {
            case PROMETHEUS, ALERTMANAGER -> "/-/ready";
            case NODE_EXPORTER -> "/metrics";
            case BLACKBOX_EXPORTER -> "/-/healthy";
            case ZIPKIN, SAMPLE_SERVICE -> "/health";
            case POSTGRES_EXPORTER -> "/metrics";
            // the database lab has no by-hand script (HandChecks), so it is never started by hand
            case POSTGRES, GRAFANA, LOKI, TEMPO, OTEL_COLLECTOR ->
                    throw new UnsupportedOperationException("no by-hand " + kind.yamlName() + " in the benchmark");
        };
    }

    private boolean answers200(String url) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** Copies the text files of a lab folder with the component placeholders replaced by this stack's ports. */
    private void renderInto(Path source, Path target) throws IOException {
        if (!Files.isDirectory(source)) {
            return;
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path out = target.resolve(source.relativize(file).toString());
                Files.createDirectories(out.getParent());
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Files.writeString(out, LabPlaceholders.renderComponents(text, ports), StandardCharsets.UTF_8);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    String url(String component) {
        return "http://127.0.0.1:" + ports.get(component);
    }

    Map<String, Duration> readyTimes() {
        Map<String, Duration> ordered = new LinkedHashMap<>();
        for (ComponentSpec component : lab.definition().components()) {
            Duration took = readyTimes.get(component.name());
            if (took != null) {
                ordered.put(component.name(), took);
            }
        }
        return ordered;
    }

    Path rendered() {
        return directory.resolve("rendered");
    }

    private Path logs() {
        return directory.resolve("logs");
    }

    Path log(String component) {
        return logs().resolve(component + ".log");
    }

    private Path data(ComponentSpec component) {
        return directory.resolve("data").resolve(component.name());
    }

    /** Every process with its descendants, then the folder. */
    @Override
    public void close() {
        List<Process> started = new ArrayList<>(processes.values());
        started.parallelStream().forEach(HandStack::stopTree);
        started.forEach(ALL::remove);
        deleteTree(directory);
    }

    static void stopTree(Process process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
                try {
                    handle.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // reported by the benchmark's leftover check
                }
            }
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
