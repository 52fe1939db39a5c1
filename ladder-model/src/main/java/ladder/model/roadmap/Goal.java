package ladder.model.roadmap;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A goal of the roadmap: a DOT node. Every goal can be exported as DOT and imported back equal:
 * the constructor throws {@link IllegalArgumentException}, naming the field, for text that DOT
 * cannot carry (control characters but tab and line breaks, unpaired surrogates, a backslash DOT
 * cannot spell; see {@code DotCharacters}), for a description that import would refuse as a
 * tooltip, for an attribute that is one of the goal's fields, and for handles not of the form
 * {@value #HANDLE_FORM}.
 *
 * @param id           the node id, 1 to {@value #MAX_ID_LENGTH} characters
 * @param title        the {@code label}; the id when the node has none. When the label is an HTML
 *                     string, {@code attributes} also holds it as an HTML {@code label}, which
 *                     export writes instead of the title
 * @param description  the {@code description} attribute, else the {@code tooltip}; empty when none
 * @param status       from the {@code status} attribute, else from the seed's fill colour
 * @param participants handles such as {@code @valentyinboyanov}, in order (see {@link #isHandle})
 * @param attributes   every other attribute of the node, in order (shape, URL, unknown ones...);
 *                     never {@code status}, {@code participants}, {@code description} nor a plain
 *                     {@code label}, which are the fields above
 */
public record Goal(String id, String title, String description, GoalStatus status,
                   List<String> participants, Attributes attributes) {

    /** Longest goal id, in UTF-16 characters: profilers such as gprof2dot name nodes by long C++ symbols. */
    public static final int MAX_ID_LENGTH = 1_000;
    /** The form of a participant handle: the account handles of the web app, at most 64 characters. */
    public static final String HANDLE_FORM = "@[A-Za-z0-9][A-Za-z0-9._-]{0,62}";
    private static final Pattern HANDLE = Pattern.compile(HANDLE_FORM);
    private static final Set<String> FIELD_ATTRIBUTES = Set.of("status", "participants", "description");

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
        String named = "goal '" + DotCharacters.printable(abbreviated(id)) + "'";
        require(DotCharacters.problem("the title of " + named, title));
        require(DotCharacters.problem("the description of " + named, description));
        // exported as the tooltip, which the importer checks: what it would refuse is no goal
        require(DotSafety.problem("description", description, false));
        participants = List.copyOf(participants);
        for (String p : participants) {
            require(participantProblem(p));
        }
        for (Attribute a : attributes) {
            if (FIELD_ATTRIBUTES.contains(a.name()) || (a.name().equals("label") && !a.html())) {
                throw new IllegalArgumentException("attribute '" + a.name() + "' of " + named
                        + " is a field of the goal: set its " + (a.name().equals("label") ? "title" : a.name()));
            }
        }
    }

    private static void require(@Nullable String problem) {
        if (problem != null) {
            throw new IllegalArgumentException(problem);
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

    /** Whether {@code handle} is a participant handle: {@value #HANDLE_FORM}, such as {@code @ada.l}. */
    public static boolean isHandle(String handle) {
        return HANDLE.matcher(handle).matches();
    }

    /** Why {@code id} is no valid goal id, or null when it is one; a long id is named abbreviated. */
    static @Nullable String idProblem(String id) {
        if (id.isEmpty()) {
            return "a goal id cannot be empty";
        }
        String shown = DotCharacters.printable(abbreviated(id));
        if (id.length() > MAX_ID_LENGTH) {
            return "goal id '" + shown + "' has " + id.length() + " characters, more than the "
                    + MAX_ID_LENGTH + " allowed";
        }
        return DotCharacters.problem("goal id '" + shown + "'", id);
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
    static @Nullable String participantProblem(String handle) {
        if (isHandle(handle)) {
            return null;
        }
        String wrong = "participant '" + DotCharacters.printable(abbreviated(handle)) + "' must be a handle such as @name";
        if (handle.length() < 2 || handle.charAt(0) != '@') {
            return wrong;
        }
        if (handle.codePoints().anyMatch(Character::isWhitespace)) {
            return wrong + ", which must not contain blanks";
        }
        return wrong + ": after the @ a letter or digit, then at most 62 letters, digits, '.', '_' or '-'";
    }
}
