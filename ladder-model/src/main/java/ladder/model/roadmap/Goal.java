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

    /** Longest goal id, in UTF-16 characters: profilers such as gprof2dot name nodes by long C++ symbols. */
    public static final int MAX_ID_LENGTH = 1_000;

    public Goal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(attributes, "attributes");
        String idProblem = idProblem(id);
        if (idProblem != null) {
            throw new IllegalArgumentException(idProblem);
        }
        // exported as the tooltip, which the importer checks: what it would refuse is no goal
        String unsafe = DotSafety.problem("description", description, false);
        if (unsafe != null) {
            throw new IllegalArgumentException(unsafe);
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

    /** Why {@code id} is no valid goal id, or null when it is one; a long id is named abbreviated. */
    static @org.jspecify.annotations.Nullable String idProblem(String id) {
        if (id.isEmpty()) {
            return "a goal id cannot be empty";
        }
        if (id.length() > MAX_ID_LENGTH) {
            return "goal id '" + abbreviated(id) + "' has " + id.length() + " characters, more than the "
                    + MAX_ID_LENGTH + " allowed";
        }
        return null;
    }

    /** The text itself when short, else its start and end around "...", for messages. */
    static String abbreviated(String text) {
        if (text.length() <= 60) {
            return text;
        }
        int head = Character.isHighSurrogate(text.charAt(39)) ? 41 : 40;
        int tail = text.length() - (Character.isLowSurrogate(text.charAt(text.length() - 12)) ? 13 : 12);
        return text.substring(0, head) + "..." + text.substring(tail);
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
