package ladder.labs.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pid file of each session ({@code sessions/<id>.pids}): the owning JVM's pid, then one line per
 * started process. A runtime that starts later finds the files of sessions whose owner is gone (a
 * crash, a {@code kill -9}) and kills what they left running, then deletes their folders.
 */
final class SessionRecords {

    static final String SUFFIX = ".pids";

    private SessionRecords() {}

    static Path pidFile(Path sessionsDirectory, String sessionId) {
        return sessionsDirectory.resolve(sessionId + SUFFIX);
    }

    static void create(Path pidFile) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        long started = self.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
        Files.writeString(pidFile, "owner " + self.pid() + " " + started + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    static synchronized void append(Path pidFile, long pid, String component) throws IOException {
        Files.writeString(pidFile, pid + " " + component + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /**
     * Cleans up after sessions whose owning JVM is no longer alive.
     *
     * @return a line per process killed and per folder deleted, for the log
     */
    static List<String> sweep(Path sessionsDirectory) {
        List<String> done = new ArrayList<>();
        if (!Files.isDirectory(sessionsDirectory)) {
            return done;
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(sessionsDirectory)) {
            entries = list.toList();
        } catch (IOException e) {
            return done;
        }
        for (Path entry : entries) {
            String fileName = entry.getFileName().toString();
            if (!fileName.endsWith(SUFFIX)) {
                continue;
            }
            String sessionId = fileName.substring(0, fileName.length() - SUFFIX.length());
            Path sessionDirectory = sessionsDirectory.resolve(sessionId);
            List<String> lines;
            try {
                lines = Files.readAllLines(entry);
            } catch (IOException e) {
                continue;
            }
            if (ownerAlive(lines)) {
                continue; // a session of a runtime still running, in this JVM or another
            }
            for (String line : lines) {
                String[] parts = line.split(" ", 2);
                if (parts[0].equals("owner")) {
                    continue;
                }
                try {
                    Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(parts[0]));
                    // a pid may have been reused: kill only a process whose command line names this session
                    if (process.isPresent() && process.get().isAlive() && commandNames(process.get(), sessionDirectory)) {
                        ProcessTrees.stop(process.get());
                        done.add("stopped " + (parts.length > 1 ? parts[1] : "process") + " (pid " + parts[0]
                                + ") left by session " + sessionId);
                    }
                } catch (NumberFormatException e) {
                    // a half-written line of a crashed run
                }
            }
            deleteTree(sessionDirectory);
            try {
                Files.deleteIfExists(entry);
            } catch (IOException e) {
                // tried again at the next start
            }
            done.add("deleted session folder " + sessionDirectory);
        }
        return done;
    }

    private static boolean ownerAlive(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("owner ")) {
                try {
                    String[] parts = line.substring("owner ".length()).trim().split(" ");
                    long owner = Long.parseLong(parts[0]);
                    long started = parts.length > 1 ? Long.parseLong(parts[1]) : 0;
                    Optional<ProcessHandle> handle = ProcessHandle.of(owner);
                    // the same pid with another start time is a new process: the owner is gone
                    return handle.isPresent() && handle.get().isAlive()
                            && (started == 0 || handle.get().info().startInstant()
                                    .map(instant -> Math.abs(instant.toEpochMilli() - started) < 2000).orElse(true));
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }

    static boolean commandNames(ProcessHandle process, Path sessionDirectory) {
        Optional<String> commandLine = process.info().commandLine();
        if (commandLine.isPresent()) {
            return commandLine.get().contains(sessionDirectory.toString());
        }
        // some systems hide arguments; /proc tells on Linux
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').contains(sessionDirectory.toString());
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a file still held open by a dying process; the next sweep tries again
        }
    }
}
