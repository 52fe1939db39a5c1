package ladder.labs.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The service's log, through SLF4J and Logback, to stdout and optionally a file, in {@code key=value} form so a
 * log query (or {@code grep traceId=...}) finds a trace's lines. Request lines take the trace and span ids from
 * the MDC, where the tracer puts them while a span is in scope (the {@code %X{traceId}} of any Logback pattern):
 * {@code 2026-11-25T19:30:00.123Z INFO service=frontend traceId=<32 hex> spanId=<16 hex> method=POST
 * endpoint=/api/checkout status=200 durationMs=12}. Lines outside a span have no ids:
 * {@code <time> <LEVEL> service=NAME <message>}.
 *
 * <p>Each instance gets a logger and appenders of its own (tests run several services in one JVM), attached to
 * Logback's context in code rather than by a {@code logback.xml}: the web app has this module on its class path
 * and keeps its own logging configuration.
 */
final class RequestLog implements AutoCloseable {

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final String TIME = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC}";

    private final Logger logger;

    /**
     * @throws IOException           when the log file cannot be created or written
     * @throws IllegalStateException when SLF4J's provider is not Logback
     */
    RequestLog(String service, @Nullable Path logFile) throws IOException {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("the sample service logs through Logback, but SLF4J's provider is "
                    + LoggerFactory.getILoggerFactory().getClass().getName());
        }
        // names are letters, digits, '.', '_', '-': nothing a pattern would read as a conversion
        String pattern = TIME + " %level service=" + service
                + "%replace( traceId=%X{traceId} spanId=%X{spanId}){'^ traceId= spanId=$', ''} %msg%n";
        this.logger = logger(context, "ladder.labs.sample." + service + "." + INSTANCES.incrementAndGet(), pattern, logFile);
    }

    /** A request's line, in the scope of its span; 5xx are {@code ERROR}. */
    void request(String method, String endpoint, int status, long durationMs) {
        String line = "method=" + method + " endpoint=" + endpoint + " status=" + status + " durationMs=" + durationMs;
        if (status >= 500) {
            logger.error(line);
        } else {
            logger.info(line);
        }
    }

    /** A line with the ids of the span in scope, if any. */
    void info(String message) {
        logger.info(message);
    }

    void warn(String message) {
        logger.warn(message);
    }

    private static Logger logger(LoggerContext context, String name, String pattern, @Nullable Path logFile)
            throws IOException {
        Logger logger = context.getLogger(name);
        logger.setAdditive(false);
        logger.setLevel(Level.INFO);
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setName(name + ".console");
        attach(context, logger, console, pattern);
        if (logFile != null) {
            Path absolute = logFile.toAbsolutePath();
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            // Logback only records a file it cannot open in its status: fail here, with the reason, instead
            Files.newOutputStream(absolute, StandardOpenOption.CREATE, StandardOpenOption.APPEND).close();
            FileAppender<ILoggingEvent> file = new FileAppender<>();
            file.setName(name + ".file");
            file.setFile(absolute.toString());
            file.setAppend(true); // each line is flushed: a check may read the file at any moment
            attach(context, logger, file, pattern);
            if (!file.isStarted()) {
                logger.detachAndStopAllAppenders();
                throw new IOException("cannot write the log file " + absolute);
            }
        }
        return logger;
    }

    private static void attach(LoggerContext context, Logger logger, OutputStreamAppender<ILoggingEvent> appender,
                               String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.start();
        logger.addAppender(appender);
    }

    /** Stops this instance's appenders (closing its file). */
    @Override
    public void close() {
        logger.detachAndStopAllAppenders();
    }

    /** For a process of its own: other libraries' logging at WARN, instead of Logback's default of DEBUG. */
    static void quietOthers() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
    }
}
