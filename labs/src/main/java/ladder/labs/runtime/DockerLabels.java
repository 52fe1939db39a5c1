package ladder.labs.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The labels on every container and network of a lab session, and the sweep's rule for what a crashed run
 * left behind. Ryuk (Testcontainers' reaper) cannot be used here, its image cannot be had offline, so the
 * Docker runtime sweeps at start: a labelled resource whose owning JVM on this host is gone is a leftover.
 */
final class DockerLabels {

    /** Present on everything the Docker runtime creates: what the sweep lists. */
    static final String LAB = "ladder.lab";
    static final String SESSION = "ladder.lab.session";
    static final String COMPONENT = "ladder.lab.component";
    /** {@code <host>/<pid>/<JVM start in epoch ms>} of the runtime that created it. */
    static final String OWNER = "ladder.lab.owner";
    static final String SANDBOX = "sandbox";
    /** Past this age a resource is a leftover whoever owns it: no session lives this long (time limits are minutes). */
    static final Duration MAX_AGE = Duration.ofHours(12);

    private DockerLabels() {}

    /** The owner label of this JVM. */
    static String thisOwner() {
        ProcessHandle self = ProcessHandle.current();
        return host() + "/" + self.pid() + "/" + self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    static Map<String, String> of(String sessionId, String owner) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(LAB, "true");
        labels.put(SESSION, sessionId);
        labels.put(OWNER, owner);
        return labels;
    }

    /**
     * Whether a labelled container or network is a leftover of a crashed run: its owner ran on this host and is
     * no longer alive (or its pid now belongs to another process), or it is older than {@link #MAX_AGE}. A
     * resource of a live runtime, here or on another host sharing the engine, is kept.
     */
    static boolean isLeftover(Map<String, String> labels, Instant created, String thisHost, Instant now,
                              java.util.function.Predicate<Owner> alive) {
        if (!"true".equals(labels.get(LAB))) {
            return false; // not ours
        }
        if (created.plus(MAX_AGE).isBefore(now)) {
            return true;
        }
        Optional<Owner> owner = Owner.parse(labels.get(OWNER));
        if (owner.isEmpty()) {
            return true; // labelled by us without an owner: no runtime can claim it
        }
        return owner.get().host().equals(thisHost) && !alive.test(owner.get());
    }

    /** Whether the owner's JVM is still this one or another live JVM on this host. */
    static boolean alive(Owner owner) {
        return ProcessHandle.of(owner.pid())
                .filter(ProcessHandle::isAlive)
                .map(process -> process.info().startInstant().map(Instant::toEpochMilli).orElse(0L) == owner.startedMillis()
                        || owner.startedMillis() == 0)
                .orElse(false);
    }

    record Owner(String host, long pid, long startedMillis) {
        static Optional<Owner> parse(String label) {
            if (label == null) {
                return Optional.empty();
            }
            String[] parts = label.split("/");
            if (parts.length != 3) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Owner(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2])));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    static String host() {
        try {
            String name = Files.readString(Path.of("/etc/hostname")).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException e) {
            // not Linux: the environment's name
        }
        String env = System.getenv("HOSTNAME");
        return env == null || env.isBlank() ? "localhost" : env.strip();
    }
}
