package ladder.model.lab;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A condition on the result of an instant PromQL query, written as in {@code lab.yaml}:
 * {@code count >= 1} tests the number of series; {@code > 0} or {@code == 1} tests the value of every
 * series (and needs at least one series). Conditions join with {@code and}: {@code count == 1 and >= 0 and <= 1}
 * is one series whose value is a ratio. A range belongs here rather than in the query, so that a learner
 * whose value is out of range sees the value, not "found 0 series".
 *
 * @param subject    what is compared
 * @param comparator how
 * @param threshold  against what
 * @param and        a further condition that must hold too, or null
 */
public record PromQlCondition(Subject subject, Comparator comparator, double threshold, @Nullable PromQlCondition and) {

    private static final Pattern AND = Pattern.compile("\\s+and\\s+");
    private static final Pattern SYNTAX =
            Pattern.compile("\\s*(count\\s*)?(>=|<=|==|!=|>|<)\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*");

    /** The default: the query returns at least one series. */
    public static final PromQlCondition AT_LEAST_ONE_SERIES =
            new PromQlCondition(Subject.SERIES_COUNT, Comparator.GE, 1);

    public PromQlCondition(Subject subject, Comparator comparator, double threshold) {
        this(subject, comparator, threshold, null);
    }

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

    /**
     * Parses {@code count >= 1}, {@code > 0}, {@code == 1}, {@code >= 0 and <= 1}...; empty when the text is
     * not a condition.
     */
    public static Optional<PromQlCondition> parse(String text) {
        String[] parts = AND.split(text.strip(), -1);
        PromQlCondition chain = null;
        for (int i = parts.length - 1; i >= 0; i--) {
            Optional<PromQlCondition> one = parseOne(parts[i]);
            if (one.isEmpty()) {
                return Optional.empty();
            }
            chain = new PromQlCondition(one.get().subject, one.get().comparator, one.get().threshold, chain);
        }
        return Optional.ofNullable(chain);
    }

    private static Optional<PromQlCondition> parseOne(String text) {
        Matcher matcher = SYNTAX.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Subject subject = matcher.group(1) != null ? Subject.SERIES_COUNT : Subject.EVERY_VALUE;
        return Optional.of(new PromQlCondition(
                subject, Comparator.ofSymbol(matcher.group(2)), Double.parseDouble(matcher.group(3))));
    }

    /** Tests the condition on the values of a query's series. */
    public boolean test(List<Double> values) {
        boolean here = switch (subject) {
            case SERIES_COUNT -> comparator.test(values.size(), threshold);
            case EVERY_VALUE -> !values.isEmpty() && values.stream().allMatch(value -> comparator.test(value, threshold));
        };
        return here && (and == null || and.test(values));
    }

    /** How the condition reads to a learner, e.g. "at least 1 series" or "every value > 0". */
    public String describe() {
        return and == null ? describeOne() : describeOne() + " and " + and.describe().replace("at least one series, ", "");
    }

    private String describeOne() {
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
