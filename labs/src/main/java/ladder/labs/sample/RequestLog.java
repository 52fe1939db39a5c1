package ladder.labs.sample;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One line per request, to stdout and optionally a file, in {@code key=value} form so a log query (or
 * {@code grep traceId=...}) finds a trace's lines:
 * {@code 2026-11-25T19:30:00.123Z INFO service=frontend traceId=<32 hex> spanId=<16 hex> method=POST
 * endpoint=/api/checkout status=200 durationMs=12}.
 */
final class RequestLog implements AutoCloseable {

    private final PrintStream console;
    private final @Nullable Writer file;

    RequestLog(PrintStream console, @Nullable Path logFile) throws IOException {
        this.console = console;
        if (logFile != null) {
            Path parent = logFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.file = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } else {
            this.file = null;
        }
    }

    void request(String service, TraceContext trace, String method, String endpoint, int status, long durationMs) {
        line((status >= 500 ? "ERROR" : "INFO") + " service=" + service + " traceId=" + trace.traceId()
                + " spanId=" + trace.spanId() + " method=" + method + " endpoint=" + endpoint
                + " status=" + status + " durationMs=" + durationMs);
    }

    void info(String message) {
        line("INFO " + message);
    }

    private synchronized void line(String text) {
        String line = Instant.now() + " " + text;
        console.println(line);
        if (file != null) {
            try {
                file.write(line);
                file.write('\n');
                file.flush(); // a check may read the file at any moment
            } catch (IOException e) {
                console.println(Instant.now() + " WARN cannot write the log file: " + e.getMessage());
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (file != null) {
            file.close();
        }
    }
}
