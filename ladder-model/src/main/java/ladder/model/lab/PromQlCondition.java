package ladder.model.lab;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition on the result of an instant PromQL query, written as in {@code lab.yaml}:
 * {@code count >= 1} tests the number of series; {@code > 0} or {@code == 1} tests the value of every
 * series (and needs at least one series).
 *
 * @param subject    what is compared
 * @param comparator how
 * @param threshold  against what
 */
public record PromQlCondition(Subject subject, Comparator comparator, double threshold) {

    private static final Pattern SYNTAX =
            Pattern.compile("\\s*(count\\s*)?(>=|<=|==|!=|>|<)\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*");

    /** The default: the query returns at least one series. */
    public static final PromQlCondition AT_LEAST_ONE_SERIES =
            new PromQlCondition(Subject.SERIES_COUNT, Comparator.GE, 1);

    public enum Subject { SERIES_COUNT, EVERY_VALUE }

    public enum Comparator {
        GT(">"), GE(">="), LT("<"), LE("<="), EQ("=="), NE("!=");

        private final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean test(double left, double right) {
            return switch (this) {
                case GT -> left > right;
                case GE -> left >= right;
                case LT -> left < right;
                case LE -> left <= right;
                case EQ -> left == right;
                case NE -> left != right;
            };
        }

        static Comparator ofSymbol(String symbol) {
            for (Comparator comparator : values()) {
                if (comparator.symbol.equals(symbol)) {
                    return comparator;
                }
            }
            throw new IllegalArgumentException(symbol);
        }
    }

    /** Parses {@code count >= 1}, {@code > 0}, {@code == 1}...; empty when the text is not a condition. */
    public static Optional<PromQlCondition> parse(String text) {
        Matcher matcher = SYNTAX.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Subject subject = matcher.group(1) != null ? Subject.SERIES_COUNT : Subject.EVERY_VALUE;
        return Optional.of(new PromQlCondition(
                subject, Comparator.ofSymbol(matcher.group(2)), Double.parseDouble(matcher.group(3))));
    }

    /** How the condition reads to a learner, e.g. "at least 1 series" or "every value > 0". */
    public String describe() {
        String number = formatNumber(threshold);
        if (subject == Subject.SERIES_COUNT) {
            return switch (comparator) {
                case GE -> "at least " + number + " series";
                case GT -> "more than " + number + " series";
                case LE -> "at most " + number + " series";
                case LT -> "fewer than " + number + " series";
                case EQ -> "exactly " + number + " series";
                case NE -> "a number of series other than " + number;
            };
        }
        return "at least one series, every value " + comparator.symbol + " " + number;
    }

    /** Formats a sample value without a needless ".0". */
    public static String formatNumber(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
