package ladder.model.roadmap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import ladder.model.ladder.Rung;
import org.jspecify.annotations.Nullable;

/**
 * What completes a goal, read from DOT attributes of its node (kept by import and export like every other
 * attribute, so they round-trip). Every criterion given must be met, by each of the goal's participants
 * where it concerns a person:
 * <ul>
 *   <li>{@code labs_passed="metrics alerting"}: each participant passed every one of these labs;</li>
 *   <li>{@code levels_reached="metrics:knowledge logs:knowledge"}: each participant stands, confirmed, at
 *       least at that rung of the topic;</li>
 *   <li>{@code topics_assessed="all"}: each participant has a confirmed level on every active topic and no
 *       claim waiting for review;</li>
 *   <li>{@code approval="@igarridot"}: that mentor approved the goal ({@code approval="mentor"}: any mentor).</li>
 * </ul>
 * A goal without any of these attributes has no criteria and is completed by hand only.
 *
 * @param labs             lab ids, in the order written
 * @param levels           topic id to the rung needed, in the order written
 * @param topicsAssessed   whether every active topic must be assessed and reviewed
 * @param approver         the approving mentor's handle, {@link #ANY_MENTOR}, or null for none
 */
public record GoalCriteria(List<String> labs, Map<String, Rung> levels, boolean topicsAssessed,
        @Nullable String approver) {

    public static final String LABS_PASSED = "labs_passed";
    public static final String LEVELS_REACHED = "levels_reached";
    public static final String TOPICS_ASSESSED = "topics_assessed";
    public static final String APPROVAL = "approval";
    /** {@code approval="mentor"}: any mentor's approval will do. */
    public static final String ANY_MENTOR = "mentor";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public GoalCriteria {
        labs = List.copyOf(labs);
        levels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(levels));
    }

    public static final GoalCriteria NONE = new GoalCriteria(List.of(), Map.of(), false, null);

    /**
     * The criteria of a goal.
     *
     * @throws IllegalArgumentException naming the goal, the attribute and what is wrong with it
     */
    public static GoalCriteria of(Goal goal) {
        Attributes attributes = goal.attributes();
        List<String> labs = new ArrayList<>();
        for (String lab : words(attributes.get(LABS_PASSED).orElse(""))) {
            if (!ID.matcher(lab).matches()) {
                throw problem(goal, LABS_PASSED, "'" + lab + "' is not a lab id (lowercase letters, digits, '-')");
            }
            labs.add(lab);
        }
        Map<String, Rung> levels = new LinkedHashMap<>();
        for (String pair : words(attributes.get(LEVELS_REACHED).orElse(""))) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw problem(goal, LEVELS_REACHED, "'" + pair + "' is not topic:rung, e.g. metrics:knowledge");
            }
            String topic = pair.substring(0, colon);
            if (!ID.matcher(topic).matches()) {
                throw problem(goal, LEVELS_REACHED, "'" + topic + "' is not a topic id");
            }
            try {
                levels.put(topic, Rung.parse(pair.substring(colon + 1)));
            } catch (IllegalArgumentException e) {
                throw problem(goal, LEVELS_REACHED, e.getMessage());
            }
        }
        String assessed = attributes.get(TOPICS_ASSESSED).orElse("").strip();
        if (!assessed.isEmpty() && !assessed.equals("all")) {
            throw problem(goal, TOPICS_ASSESSED, "'" + assessed + "' is not understood; write topics_assessed=\"all\"");
        }
        String approver = attributes.get(APPROVAL).map(String::strip).filter(value -> !value.isEmpty()).orElse(null);
        if (approver != null && !approver.equals(ANY_MENTOR) && Goal.participantProblem(approver) != null) {
            throw problem(goal, APPROVAL, "'" + approver + "' is neither a handle such as @name nor \"mentor\"");
        }
        return new GoalCriteria(labs, levels, !assessed.isEmpty(), approver);
    }

    /** Whether the goal names no criterion at all. */
    public boolean isEmpty() {
        return labs.isEmpty() && levels.isEmpty() && !topicsAssessed && approver == null;
    }

    /** Whether a participant is needed to judge the criteria (all but an approval concern people). */
    public boolean concernsParticipants() {
        return !labs.isEmpty() || !levels.isEmpty() || topicsAssessed;
    }

    private static List<String> words(String value) {
        return java.util.Arrays.stream(value.strip().split("[\\s,]+")).filter(word -> !word.isEmpty()).toList();
    }

    private static IllegalArgumentException problem(Goal goal, String attribute, String what) {
        return new IllegalArgumentException("goal '" + goal.id() + "': " + attribute + ": " + what);
    }
}
