package ladder.model.roadmap;

import java.util.List;
import java.util.Objects;

/**
 * A goal of the roadmap: a DOT node.
 *
 * @param id           the node id, 1 to {@value #MAX_ID_LENGTH} characters, any text
 * @param title        the {@code label}; the id when the node has none. When the label is an HTML
 *                     string, {@code attributes} also holds it as an HTML {@code label}, which
 *                     export writes instead of the title
 * @param description  the {@code description} attribute, else the {@code tooltip}; empty when none
 * @param status       from the {@code status} attribute, else from the seed's fill colour
 * @param participants handles such as {@code @valentyinboyanov}, in order; each starts with
 *                     {@code @} and holds no blank
 * @param attributes   every other attribute of the node, in order (shape, URL, unknown ones...)
 */
public record Goal(String id, String title, String description, GoalStatus status,
                   List<String> participants, Attributes attributes) {

    public static final int MAX_ID_LENGTH = 200;

    public Goal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(attributes, "attributes");
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(
                    "a goal id has 1 to " + MAX_ID_LENGTH + " characters, not " + id.length());
        }
        participants = List.copyOf(participants);
        for (String p : participants) {
            String problem = participantProblem(p);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
    }

    /** A pending goal titled by its id, with no description, participants or attributes. */
    public static Goal of(String id) {
        return new Goal(id, id, "", GoalStatus.PENDING, List.of(), Attributes.empty());
    }

    public Goal withTitle(String newTitle) {
        // a plain title replaces an HTML label
        return new Goal(id, newTitle, description, status, participants, attributes.without("label"));
    }

    public Goal withDescription(String newDescription) {
        return new Goal(id, title, newDescription, status, participants, attributes);
    }

    public Goal withStatus(GoalStatus newStatus) {
        return new Goal(id, title, description, newStatus, participants, attributes);
    }

    public Goal withParticipants(List<String> newParticipants) {
        return new Goal(id, title, description, status, newParticipants, attributes);
    }

    public Goal withAttributes(Attributes newAttributes) {
        return new Goal(id, title, description, status, participants, newAttributes);
    }

    /** Why {@code handle} is no valid participant handle, or null when it is one. */
    static @org.jspecify.annotations.Nullable String participantProblem(String handle) {
        if (handle.length() < 2 || handle.charAt(0) != '@') {
            return "participant '" + handle + "' must be a handle such as @name";
        }
        if (handle.codePoints().anyMatch(Character::isWhitespace)) {
            return "participant '" + handle + "' must not contain blanks";
        }
        return null;
    }
}
