package ladder.model.ladder;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The eight rungs of Klaus North's knowledge ladder, lowest first. Each rung adds one thing to the
 * rung below it, and a missing rung blocks every rung above it, so a placement at a rung includes
 * all rungs below.
 *
 * <p>The declaration order is the ladder's order: {@link #compareTo} and {@link #level()} agree.
 */
public enum Rung {

    SYMBOLS("Symbols", "—",
            "You have met the vocabulary: words such as metric, span, scrape or SLO are familiar"
                    + " signs, even if you could not yet say exactly what they stand for or how"
                    + " they are written down."),
    DATA("Data", "+ syntax",
            "You can read and write the notation: a PromQL expression, a log line's fields, a"
                    + " Prometheus configuration or a Dockerfile parses in your head. You know"
                    + " how it is written, not yet what it tells you."),
    INFORMATION("Information", "+ meaning",
            "You know what the notation means: you can say what a query returns, what a panel"
                    + " shows or what an alert rule would fire on, and explain it to a colleague"
                    + " from the material in front of you."),
    KNOWLEDGE("Knowledge", "+ linking to context and experience",
            "You connect the topic to its context and to what you have seen: why a team would"
                    + " choose it, how it relates to neighbouring topics, where it breaks. Up to"
                    + " this rung your own honest assessment is enough."),
    ABILITY("Ability (know-how)", "+ application",
            "You can apply it: given a task you set it up, change it or debug it yourself. This"
                    + " rung needs evidence, such as a passed lab or work you show to a mentor."),
    ACTION("Action", "+ will",
            "You do apply it, unprompted, in the team's real work: you add the alert, fix the"
                    + " dashboard, instrument the new service because it needs it. A mentor"
                    + " confirms this rung."),
    COMPETENCE("Competence", "+ acting correctly (recognised by others)",
            "You act correctly and others recognise it: colleagues come to you, your reviews and"
                    + " designs hold up in production. A mentor confirms this rung."),
    COMPETITIVENESS("Competitiveness", "+ uniqueness",
            "Your skill is distinctive and gives the team an edge: you shape how the team works"
                    + " on this topic and teach it to others. A mentor confirms this rung.");

    private final String displayName;
    private final String adds;
    private final String help;

    Rung(String displayName, String adds, String help) {
        this.displayName = displayName;
        this.adds = adds;
        this.help = help;
    }

    /** The stable lowercase id used in files, URLs and storage, for example {@code "ability"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name shown to people, for example {@code "Ability (know-how)"}. */
    public String displayName() {
        return displayName;
    }

    /** The position on the ladder: 1 for {@link #SYMBOLS} up to 8 for {@link #COMPETITIVENESS}. */
    public int level() {
        return ordinal() + 1;
    }

    /** What this rung adds to the rung below, as in North's table; {@code "—"} for the first rung. */
    public String adds() {
        return adds;
    }

    /** One paragraph for the UI explaining what standing on this rung means. */
    public String help() {
        return help;
    }

    /** The rung directly above this one, empty for the top rung. */
    public Optional<Rung> next() {
        Rung[] all = values();
        return ordinal() + 1 < all.length ? Optional.of(all[ordinal() + 1]) : Optional.empty();
    }

    /** Whether this rung is the same as or above {@code other}. */
    public boolean isAtLeast(Rung other) {
        return compareTo(other) >= 0;
    }

    /** The lowest rung: where a learner without any assessment starts to climb. */
    public static Rung lowest() {
        return SYMBOLS;
    }

    /**
     * Parses a rung id such as {@code "knowledge"}; surrounding blanks and letter case are ignored.
     *
     * @throws IllegalArgumentException naming the input and listing the valid ids
     */
    public static Rung parse(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        for (Rung rung : values()) {
            if (rung.id().equals(wanted)) {
                return rung;
            }
        }
        throw new IllegalArgumentException("unknown rung '" + id + "'; valid rungs: " + validIds());
    }

    /** The valid ids, lowest first, comma separated: for error messages. */
    static String validIds() {
        return Arrays.stream(values()).map(Rung::id).collect(Collectors.joining(", "));
    }
}
