package ladder.model.roadmap;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Where a goal stands. Each status has a lowercase DOT name (the value of the {@code status}
 * attribute) and a fill colour: the seed roadmap's convention (none = pending, green = done,
 * chocolate = blocked, red = failed) plus {@code gold} for in progress, which the seed never used.
 */
public enum GoalStatus {
    PENDING("pending", null),
    IN_PROGRESS("in_progress", "gold"),
    DONE("done", "green"),
    BLOCKED("blocked", "chocolate"),
    FAILED("failed", "red");

    private final String dotName;
    private final @Nullable String fillColor;

    GoalStatus(String dotName, @Nullable String fillColor) {
        this.dotName = dotName;
        this.fillColor = fillColor;
    }

    /** The lowercase name used in DOT, JSON and the Markdown table, e.g. {@code in_progress}. */
    public String dotName() {
        return dotName;
    }

    /** The fill colour that renders this status, empty for pending (not filled). */
    public Optional<String> fillColor() {
        return Optional.ofNullable(fillColor);
    }

    /** The status of a DOT name, ignoring case and surrounding blanks; empty when unknown. */
    public static Optional<GoalStatus> fromDotName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.dotName.equals(wanted)).findFirst();
    }

    /** The status a fill colour stands for (ignoring case), empty when it is no status colour. */
    public static Optional<GoalStatus> fromFillColor(String color) {
        String wanted = color.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> wanted.equals(s.fillColor)).findFirst();
    }

    /** The allowed DOT names, comma separated, for messages: {@code pending, in_progress, ...}. */
    public static String allowedNames() {
        return Arrays.stream(values()).map(GoalStatus::dotName).collect(Collectors.joining(", "));
    }
}
