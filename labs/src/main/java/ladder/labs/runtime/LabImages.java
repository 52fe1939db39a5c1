package ladder.labs.runtime;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import ladder.model.lab.ComponentKind;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Ladder's lab images, built here from the Dockerfiles under {@code ladder/labs/docker/<image>/} on
 * {@code debian:bookworm-slim} (so labs work without a registry), tagged with Ladder's version and built
 * once: an image whose {@code ladder.image.context} label matches the digest of its build context is reused.
 *
 * <pre>
 *   ladder-lab-prometheus      Debian's prometheus (with promtool)
 *   ladder-lab-alertmanager    Debian's prometheus-alertmanager (with amtool)
 *   ladder-lab-node-exporter   Debian's prometheus-node-exporter
 *   ladder-lab-jre             a Java runtime jlinked from Ladder's JDK (Debian bookworm has only Java 17)
 *   ladder-lab-zipkin          Zipkin's executable jar on ladder-lab-jre
 *   ladder-lab-sample-service  Ladder's sample shop, its libraries and the OpenTelemetry Java agent on ladder-lab-jre
 * </pre>
 *
 * With a registry prefix, images are first pulled from {@code <prefix>ladder-lab-…:<version>} and the base
 * is {@code <prefix>debian:bookworm-slim}; what cannot be pulled is built.
 */
final class LabImages {

    static final String BASE = "debian:bookworm-slim";
    static final String CONTEXT_LABEL = "ladder.image.context";
    /** The Java modules Zipkin (Armeria, Spring Boot) and the sample service need. */
    static final String JAVA_MODULES = "java.base,java.desktop,java.instrument,java.logging,java.management,java.naming,"
            + "java.net.http,java.scripting,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.httpserver,"
            + "jdk.management,jdk.unsupported,jdk.zipfs,jdk.naming.dns";

    private final DockerClient client;
    private final DockerRuntimeSettings settings;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    LabImages(DockerClient client, DockerRuntimeSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** The image name of a kind, e.g. {@code ladder-lab-node-exporter:0.1.0}, with the registry prefix. */
    static String tag(String prefix, String image, String version) {
        return prefix + "ladder-lab-" + image + ":" + version;
    }

    static String imageOf(ComponentKind kind) {
        return kind.yamlName();
    }

    String tagOf(ComponentKind kind) {
        return tag(settings.imagePrefix(), imageOf(kind), settings.version());
    }

    String baseImage() {
        return settings.imagePrefix() + BASE;
    }

    /** Why images of this kind cannot be made here, or empty when they can. */
    Optional<String> unavailable(ComponentKind kind) {
        if (ComponentRecipe.of(kind).upstream()) {
            return upstreamSource(kind).isPresent() ? Optional.empty()
                    : Optional.of("the upstream image " + UpstreamImages.of(kind).orElseThrow() + " is not on this engine and cannot"
                            + " be pulled (no registry answers" + (settings.imagePrefix().isEmpty() ? "" : ", nor " + settings.imagePrefix())
                            + "); this lab needs a machine that can pull it, or `docker load` of it");
        }
        if (ComponentRecipe.of(kind).java()) {
            if (settings.jdk() == null) {
                return present(tagOf(kind)) ? Optional.empty() : Optional.of(noJlink(kind));
            }
            if (kind == ComponentKind.ZIPKIN && (settings.zipkinJar() == null || !Files.isRegularFile(settings.zipkinJar()))) {
                return Optional.of("Zipkin's jar was not found");
            }
        }
        return Optional.empty();
    }

    private String noJlink(ComponentKind kind) {
        return "no jlink in " + System.getProperty("java.home") + " to make the Java runtime image, and no " + tagOf(kind)
                + " on the engine: build it where Ladder runs on a JDK (docs/operations.md#labs-in-the-compose-stack)";
    }

    /** The base image is present or could be pulled (it cannot be built by Ladder: scripts/docker-engine.sh makes it). */
    Optional<String> baseMissing() {
        if (present(baseImage()) || pull(baseImage())) {
            return Optional.empty();
        }
        return Optional.of("the base image " + baseImage() + " is missing and cannot be pulled; scripts/docker-engine.sh builds it with debootstrap");
    }

    private final Map<ComponentKind, Map.Entry<Instant, Optional<String>>> upstreamChecked = new ConcurrentHashMap<>();

    /**
     * The name under which a kind's upstream image is on the engine (behind the registry prefix, else as pinned),
     * pulled when it is not; asked again a minute later at most (a failed pull may take a while).
     */
    private Optional<String> upstreamSource(ComponentKind kind) {
        Map.Entry<Instant, Optional<String>> known = upstreamChecked.get(kind);
        if (known != null && known.getKey().plusSeconds(60).isAfter(Instant.now())) {
            return known.getValue();
        }
        String pinned = UpstreamImages.of(kind).orElseThrow();
        List<String> names = settings.imagePrefix().isEmpty() ? List.of(pinned) : List.of(settings.imagePrefix() + pinned, pinned);
        Optional<String> found = names.stream().filter(this::present).findFirst()
                .or(() -> names.stream().filter(this::pull).findFirst());
        upstreamChecked.put(kind, Map.entry(Instant.now(), found));
        return found;
    }

    /** Makes sure the image of a kind is there, building it (and the Java runtime image under it) when needed. */
    String ensure(ComponentKind kind, Consumer<String> progress) {
        ComponentRecipe recipe = ComponentRecipe.of(kind);
        if (recipe.upstream()) {
            upstreamChecked.remove(kind);
            String upstream = upstreamSource(kind).orElseThrow(() -> new LabStartException(unavailable(kind).orElse("")));
            // one Dockerfile for every upstream kind: it only adds the lab folders and the user to the image given
            return ensure(imageOf(kind), "upstream", Map.of("UPSTREAM", upstream),
                    context -> context.content(".keep", "the folders every lab container has\n"), progress);
        }
        if (!recipe.java()) {
            return ensure(imageOf(kind), Map.of("BASE", baseImage()), context -> { }, progress);
        }
        if (settings.jdk() == null) {
            // Ladder on a JRE (its own container image) cannot link the runtime these images hold, so it cannot tell
            // whether one is current either: it takes this version's image as it finds it, on the engine or behind
            // the registry prefix, built by a Ladder on a JDK
            String tag = tagOf(kind);
            if (present(tag) || !settings.imagePrefix().isEmpty() && pull(tag)) {
                progress.accept("using " + tag + " as found (no jlink here to rebuild it)");
                return tag;
            }
            throw new LabStartException(noJlink(kind));
        }
        String jre = ensure("jre", Map.of("BASE", baseImage()), this::addJre, progress);
        Map<String, String> args = Map.of("JRE", jre);
        if (kind == ComponentKind.ZIPKIN) {
            return ensure("zipkin", args, context -> context.file("zipkin.jar", Objects.requireNonNull(settings.zipkinJar())), progress);
        }
        return ensure("sample-service", args, this::addSampleLibraries, progress);
    }

    private String ensure(String image, Map<String, String> buildArgs, Consumer<BuildContext> extra, Consumer<String> progress) {
        return ensure(image, image, buildArgs, extra, progress);
    }

    /** Builds {@code image} from the Dockerfile in the resources' {@code docker/<dockerfile>/}, unless it is current. */
    private String ensure(String image, String dockerfile, Map<String, String> buildArgs, Consumer<BuildContext> extra,
            Consumer<String> progress) {
        String tag = tag(settings.imagePrefix(), image, settings.version());
        synchronized (locks.computeIfAbsent(tag, key -> new Object())) {
            Path directory = settings.imagesDirectory().resolve(image);
            BuildContext context = new BuildContext(directory);
            context.resource("Dockerfile", "/ladder/labs/docker/" + dockerfile + "/Dockerfile");
            buildArgs.forEach((key, value) -> context.text("build-arg " + key, value));
            extra.accept(context);
            String digest = context.digest();
            if (digest.equals(contextLabel(tag))) {
                return tag;
            }
            if (!settings.imagePrefix().isEmpty() && pull(tag) && digest.equals(contextLabel(tag))) {
                progress.accept("pulled " + tag);
                return tag;
            }
            String previous = imageId(tag);
            build(tag, context, buildArgs, digest, progress);
            if (previous != null && !previous.equals(imageId(tag))) {
                try {
                    client.removeImageCmd(previous).exec(); // the outdated build, now untagged
                } catch (DockerException e) {
                    // still used by a container, or a parent of another image: left to `docker image prune`
                }
            }
            return tag;
        }
    }

    private void build(String tag, BuildContext context, Map<String, String> buildArgs, String digest, Consumer<String> progress) {
        Instant began = Instant.now();
        progress.accept("building image " + tag + " (once per Ladder version)");
        Path tar = context.directory.resolve("context.tar");
        try {
            Files.createDirectories(context.directory);
            context.writeTar(tar);
            var command = client.buildImageCmd(Files.newInputStream(tar))
                    .withTags(Set.of(tag))
                    .withLabels(Map.of(CONTEXT_LABEL, digest, "ladder.version", settings.version()))
                    .withPull(false)
                    .withRemove(true)
                    .withForcerm(true);
            buildArgs.forEach(command::withBuildArg);
            List<String> tail = new ArrayList<>();
            command.exec(new BuildImageResultCallback() {
                @Override
                public void onNext(BuildResponseItem item) {
                    super.onNext(item);
                    String line = item.getStream();
                    if (line != null && !line.isBlank()) {
                        tail.add(line.strip());
                        if (tail.size() > 20) {
                            tail.removeFirst();
                        }
                        if (line.startsWith("Step ")) {
                            progress.accept(tag + ": " + line.strip());
                        }
                    }
                }
            }).awaitImageId(15, TimeUnit.MINUTES);
            progress.accept("built " + tag + " in " + Duration.between(began, Instant.now()).toMillis() / 100 / 10.0 + " s");
        } catch (IOException e) {
            throw new LabStartException("cannot prepare the build context of " + tag + ": " + e.getMessage(), e);
        } catch (DockerException | com.github.dockerjava.api.exception.DockerClientException e) {
            throw new LabStartException("building " + tag + " failed: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tar);
            } catch (IOException e) {
                // rewritten on the next build
            }
        }
    }

    private boolean present(String image) {
        try {
            client.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private @Nullable String imageId(String image) {
        try {
            return client.inspectImageCmd(image).exec().getId();
        } catch (NotFoundException e) {
            return null;
        }
    }

    private @Nullable String contextLabel(String image) {
        try {
            InspectImageResponse inspected = client.inspectImageCmd(image).exec();
            Map<String, String> labels = inspected.getConfig() == null ? null : inspected.getConfig().getLabels();
            return labels == null ? null : labels.get(CONTEXT_LABEL);
        } catch (NotFoundException e) {
            return null;
        }
    }

    private boolean pull(String image) {
        try {
            return client.pullImageCmd(image).start().awaitCompletion(5, TimeUnit.MINUTES);
        } catch (RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** jlinks a runtime once per JDK into the images folder. */
    private void addJre(BuildContext context) {
        Path jdk = settings.jdk();
        if (jdk == null) {
            throw new LabStartException("no jlink to make the Java runtime image");
        }
        Path jre = context.directory.resolve("jre");
        Path stamp = context.directory.resolve("jre.release");
        try {
            String release = Files.readString(jdk.resolve("release")) + JAVA_MODULES;
            if (!Files.isRegularFile(stamp) || !Files.readString(stamp).equals(release) || !Files.isDirectory(jre)) {
                SessionRecords.deleteTree(jre);
                Files.createDirectories(context.directory);
                Process jlink = new ProcessBuilder(jdk.resolve("bin").resolve("jlink").toString(),
                        "--add-modules", JAVA_MODULES, "--strip-debug", "--no-header-files", "--no-man-pages",
                        "--output", jre.toString()).redirectErrorStream(true).start();
                String output = new String(jlink.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (jlink.waitFor() != 0) {
                    throw new LabStartException("jlink failed: " + output);
                }
                Files.writeString(stamp, release);
            }
            context.directory("jre", jre); // stands for its files in the digest: the same JDK and modules give the same runtime
            context.text("jre release", release);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabStartException("interrupted while making the Java runtime", e);
        }
    }

    /** The sample service's classpath as jars in {@code lib/} (class folders are jarred: {@code lib/*} takes jars only). */
    private void addSampleLibraries(BuildContext context) {
        // the OpenTelemetry Java agent, attached when a lab's sample service sends OTLP (ComponentSpec.otlp)
        Path agent = ProcessRuntimeSettings.findOtelAgentJar();
        if (agent != null) {
            context.file("otel/opentelemetry-javaagent.jar", agent);
        } else {
            context.content("otel/README", "the OpenTelemetry Java agent was not found when this image was built\n");
        }
        int folder = 0;
        for (String entry : settings.sampleClasspath().split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                context.jarOf("lib/classes-" + folder++ + ".jar", path);
            } else if (Files.isRegularFile(path) && entry.endsWith(".jar")) {
                context.file("lib/" + String.format("%03d-", context.entries.size()) + path.getFileName(), path);
            }
        }
    }

    /** The files of a build context; its digest decides whether an existing image is still the right one. */
    static final class BuildContext {
        private final Path directory;
        private final Map<String, Object> entries = new LinkedHashMap<>();
        private final java.util.Set<String> undigested = new java.util.HashSet<>();

        BuildContext(Path directory) {
            this.directory = directory;
        }

        void resource(String name, String resource) {
            try (InputStream in = LabImages.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("no resource " + resource);
                }
                entries.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A file of the context with this content. */
        void content(String name, String value) {
            entries.put(name, value.getBytes(StandardCharsets.UTF_8));
        }

        void text(String key, String value) {
            entries.put("#" + key, value.getBytes(StandardCharsets.UTF_8)); // digested, not sent
        }

        void file(String name, Path file) {
            entries.put(name, file);
        }

        void directory(String name, Path folder) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path file : walk.sorted().toList()) {
                    if (Files.isRegularFile(file)) {
                        String entry = name + "/" + folder.relativize(file).toString().replace('\\', '/');
                        entries.put(entry, file);
                        undigested.add(entry);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void jarOf(String name, Path folder) {
            try {
                Files.createDirectories(directory);
                Path jar = directory.resolve(name.replace('/', '-'));
                try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out);
                     Stream<Path> walk = Files.walk(folder)) {
                    for (Path file : walk.sorted().toList()) {
                        if (Files.isRegularFile(file)) {
                            ZipEntry zip = new ZipEntry(folder.relativize(file).toString().replace('\\', '/'));
                            zip.setTime(0); // the same classes give the same jar, hence the same digest
                            jarOut.putNextEntry(zip);
                            Files.copy(file, jarOut);
                            jarOut.closeEntry();
                        }
                    }
                }
                entries.put(name, jar);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String digest() {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (Map.Entry<String, Object> entry : entries.entrySet()) {
                    if (undigested.contains(entry.getKey())) {
                        continue;
                    }
                    sha.update(entry.getKey().getBytes(StandardCharsets.UTF_8));
                    if (entry.getValue() instanceof byte[] bytes) {
                        sha.update(bytes);
                    } else {
                        Path file = (Path) entry.getValue();
                        // size and time stand for the content of big files (the runtime, Zipkin's jar) to keep this quick
                        sha.update((Files.size(file) + "|" + (file.getFileName().toString().endsWith(".jar") && file.startsWith(directory)
                                ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)))
                                : Files.getLastModifiedTime(file).toMillis())).getBytes(StandardCharsets.UTF_8));
                    }
                }
                return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void writeTar(Path tar) throws IOException {
            try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
                out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                for (Map.Entry<String, Object> entry : entries.entrySet()) {
                    if (entry.getKey().startsWith("#")) {
                        continue;
                    }
                    if (entry.getValue() instanceof byte[] bytes) {
                        TarArchiveEntry tarEntry = new TarArchiveEntry(entry.getKey());
                        tarEntry.setSize(bytes.length);
                        tarEntry.setMode(0100644);
                        out.putArchiveEntry(tarEntry);
                        out.write(bytes);
                    } else {
                        Path file = (Path) entry.getValue();
                        TarArchiveEntry tarEntry = new TarArchiveEntry(file.toFile(), entry.getKey());
                        tarEntry.setMode(Files.isExecutable(file) ? 0100755 : 0100644);
                        out.putArchiveEntry(tarEntry);
                        Files.copy(file, out);
                    }
                    out.closeArchiveEntry();
                }
                out.finish();
            }
        }
    }
}
