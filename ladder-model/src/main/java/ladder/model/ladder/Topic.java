package ladder.model.ladder;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A subject learners climb the ladder in, such as metrics or alerting.
 *
 * @param id               stable slug referenced by assessments and labs: lowercase letters, digits
 *                         and single dashes, starting with a letter (for example {@code "slo"})
 * @param name             the name shown to people
 * @param area             the group the topic is listed under, for example {@code "Observability"}
 * @param description      one line saying what the topic covers
 * @param rungDescriptions what standing on a rung means for this topic, for the rungs where that
 *                         helps; may be empty; unmodifiable
 * @param retired          a retired topic takes no new claims but keeps its history
 */
public record Topic(
        String id,
        String name,
        String area,
        String description,
        Map<Rung, String> rungDescriptions,
        boolean retired) {

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** @throws IllegalArgumentException when the id is not a slug or the name or area is blank */
    public Topic {
        if (!isSlug(id)) {
            throw new IllegalArgumentException("topic id '" + id + "' is not a slug: use lowercase letters,"
                    + " digits and single dashes, starting with a letter");
        }
        Claim.requireNonBlank(name, "topic name");
        Claim.requireNonBlank(area, "topic area");
        Objects.requireNonNull(description, "description");
        rungDescriptions = rungDescriptions.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(rungDescriptions));
    }

    /** What standing on {@code rung} means for this topic, if the catalog says. */
    public Optional<String> describe(Rung rung) {
        return Optional.ofNullable(rungDescriptions.get(rung));
    }

    /** Whether {@code id} is a valid topic slug. */
    public static boolean isSlug(String id) {
        return SLUG.matcher(id).matches();
    }

    /**
     * A stand-in for a topic that is referenced by history but no longer in the catalog: named by
     * its id, in area "Retired", retired.
     */
    static Topic missing(String id) {
        return new Topic(id, id, "Retired", "No longer in the topic catalog.", Map.of(), true);
    }
}
