package ladder.webapp.ladder.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import ladder.model.ladder.Assessment;
import ladder.model.ladder.Rung;
import ladder.model.ladder.Topic;

/** Words and formats the ladder's views share, so every view says the same thing the same way. */
final class LadderTexts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private LadderTexts() {
    }

    static String when(Instant at) {
        return WHEN.format(at);
    }

    /** "5 · Ability (know-how)". */
    static String rung(Rung rung) {
        return rung.level() + " · " + rung.displayName();
    }

    /** "6 · Action — + will": for pickers. */
    static String rungWithAdds(Rung rung) {
        return rung(rung) + " — " + rung.adds();
    }

    /** What a rung means, for this topic when the catalog says, always with the general help. */
    static String help(Rung rung, Topic topic) {
        String general = rung.displayName() + " (" + rung.adds() + "): " + rung.help();
        return topic.describe(rung).map(specific -> "For " + topic.name() + ": " + specific + "\n\n" + general)
                .orElse(general);
    }

    /** A string safe for a DOM id: the handle without its @ and the topic id. */
    static String key(String handle, String topicId) {
        return (handle.startsWith("@") ? handle.substring(1) : handle) + "-" + topicId;
    }

    static String source(Assessment entry) {
        return switch (entry.source()) {
            case SELF -> "self-assessment";
            case MENTOR -> "mentor";
            case LAB -> "lab";
        };
    }
}
