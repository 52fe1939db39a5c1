package ladder.model.ladder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A learner's ladder: where they stand on each topic, folded from their append-only history.
 *
 * <h2>Folding one topic's entries, in the order appended</h2>
 * <ul>
 *   <li>{@code CONFIRMED} raises the confirmed rung to its rung when higher: claims are cumulative,
 *       so a lower confirmation (a lab passed again, a modest self-assessment) never lowers it.</li>
 *   <li>{@code ADJUSTED} sets the confirmed rung to its rung, higher or lower: a mentor's
 *       correction is the only way down.</li>
 *   <li>{@code PENDING_REVIEW} opens a claim; a later entry whose {@code reviewOf} names it
 *       closes it. {@code DECLINED} changes nothing else.</li>
 *   <li>An open claim at or below the confirmed rung is settled and no longer listed.</li>
 * </ul>
 * The next step is the rung above the confirmed one ({@link Rung#SYMBOLS} when none is), see
 * {@link NextStep}.
 *
 * @param learner the learner's handle
 * @param topics  one level per active catalog topic in catalog order, then retired topics that have
 *                history (a topic id the catalog lacks shows as a retired stand-in)
 */
public record LadderState(String learner, List<TopicLevel> topics) {

    public LadderState {
        Claim.requireNonBlank(learner, "learner");
        topics = List.copyOf(topics);
    }

    /**
     * Folds a learner's history against a catalog.
     *
     * @param history the learner's entries in the order appended (timestamps are not consulted)
     * @throws IllegalArgumentException when an entry belongs to another learner
     */
    public static LadderState fold(String learner, TopicCatalog catalog, List<Assessment> history) {
        Map<String, List<Assessment>> byTopic = new LinkedHashMap<>();
        for (Assessment entry : history) {
            if (!entry.learner().equals(learner)) {
                throw new IllegalArgumentException("assessment " + entry.id() + " belongs to '" + entry.learner()
                        + "', not to '" + learner + "'");
            }
            byTopic.computeIfAbsent(entry.topicId(), id -> new ArrayList<>()).add(entry);
        }
        List<TopicLevel> levels = new ArrayList<>();
        List<TopicLevel> retired = new ArrayList<>();
        for (Topic topic : catalog.topics()) {
            List<Assessment> entries = byTopic.remove(topic.id());
            if (!topic.retired()) {
                levels.add(foldTopic(topic, entries == null ? List.of() : entries));
            } else if (entries != null) {
                retired.add(foldTopic(topic, entries));
            }
        }
        byTopic.forEach((topicId, entries) -> retired.add(foldTopic(Topic.missing(topicId), entries)));
        levels.addAll(retired);
        return new LadderState(learner, levels);
    }

    private static TopicLevel foldTopic(Topic topic, List<Assessment> entries) {
        Rung confirmed = null;
        Map<UUID, Assessment> open = new LinkedHashMap<>();
        for (Assessment entry : entries) {
            UUID reviewed = entry.reviewOf();
            if (reviewed != null) {
                open.remove(reviewed);
            }
            switch (entry.state()) {
                case CONFIRMED -> confirmed = higher(confirmed, entry.rung());
                case ADJUSTED -> confirmed = entry.rung();
                case PENDING_REVIEW -> open.put(entry.id(), entry);
                case DECLINED -> { }
            }
        }
        @Nullable Rung settled = confirmed;
        List<Assessment> openClaims = open.values().stream()
                .filter(claim -> settled == null || claim.rung().compareTo(settled) > 0)
                .toList();
        NextStep next = null;
        if (!topic.retired()) {
            Optional<Rung> nextRung = confirmed == null ? Optional.of(Rung.lowest()) : confirmed.next();
            next = nextRung.map(rung -> NextStep.towards(rung, topic)).orElse(null);
        }
        return new TopicLevel(topic, confirmed, openClaims, next, entries);
    }

    private static Rung higher(@Nullable Rung current, Rung candidate) {
        return current == null || candidate.compareTo(current) > 0 ? candidate : current;
    }

    /** The level on the topic with this id, if the ladder shows it. */
    public Optional<TopicLevel> topic(String topicId) {
        Objects.requireNonNull(topicId, "topicId");
        return topics.stream().filter(level -> level.topic().id().equals(topicId)).findFirst();
    }

    /** Every open claim of this learner, by topic then oldest first: a mentor's review queue. */
    public List<Assessment> openClaims() {
        return topics.stream().flatMap(level -> level.openClaims().stream()).toList();
    }
}
