package ladder.labs.catalog;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Durations as {@code lab.yaml} writes them: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} and sums such as
 * {@code 1m30s}. Java's {@link Duration#parse} reads ISO-8601 ({@code PT1M30S}), which lab authors do not write.
 */
public final class LabDurations {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    private LabDurations() {}

    /** Parses {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1m30s}; null when it is not one. */
    public static @Nullable Duration parse(String text) {
        Matcher matcher = PART.matcher(text.trim());
        Duration total = Duration.ZERO;
        int end = 0;
        while (matcher.find()) {
            if (matcher.start() != end) {
                return null;
            }
            long amount = Long.parseLong(matcher.group(1));
            total = total.plus(switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
            end = matcher.end();
        }
        return end == text.trim().length() && end > 0 ? total : null;
    }

    /** Formats a duration as lab.yaml writes it, in its largest whole unit. */
    public static String format(Duration duration) {
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    /** Reads an optional duration field, recording a problem (and giving the fallback) when it is not one. */
    static Duration read(YamlFields fields, String key, Duration fallback) {
        String text = fields.string(key, false);
        if (text == null) {
            return fallback;
        }
        Duration parsed = parse(text);
        if (parsed == null || parsed.isZero()) {
            fields.problem(fields.field(key), "'" + text + "' is not a duration; write e.g. 500ms, 30s, 5m or 1h");
            return fallback;
        }
        return parsed;
    }
}
