package ladder.webapp.roadmap;

/**
 * One criterion of a goal and whether it is met now.
 *
 * @param text   what it asks, e.g. "@ada passed the lab metrics"
 * @param met    whether it is met
 * @param detail what is missing, or when it was met; for a person
 */
public record GoalCriterion(String text, boolean met, String detail) {
}
