package ladder.webapp.ladder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import ladder.model.ladder.Topic;
import ladder.model.ladder.TopicCatalog;
import ladder.webapp.account.AccountView;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ladder's topics: anyone signed in reads the catalog; mentors and admins add, edit, retire and bring
 * back topics (never delete them: assessments refer to them). A stale edit is refused by version.
 *
 * <p>Every ladder read needs the whole catalog, which changes a few times a year: it is kept for at most
 * {@link #CATALOG_FRESH} after it was read, and forgotten at once by each change made here (again after its
 * transaction, so a read that began before the change committed is not kept). A change made by another replica
 * on the same database is seen here within that time.
 */
@Service
@Transactional
public class TopicService {

    static final Duration CATALOG_FRESH = Duration.ofSeconds(10);

    private final TopicRecordRepository topics;
    private final Clock clock;
    private final AtomicLong changes = new AtomicLong();
    private volatile @Nullable KeptCatalog kept;

    /** The catalog as read after {@code changes} changes, at {@code readAt} ({@link System#nanoTime()}). */
    private record KeptCatalog(TopicCatalog catalog, long changes, long readAt) {
    }

    TopicService(TopicRecordRepository topics, Clock clock) {
        this.topics = topics;
        this.clock = clock;
    }

    /** Adds the default catalog's topics that are not stored yet; returns how many it added. Idempotent. */
    public int seedDefaultTopics() {
        changed();
        int position = topics.maxPosition();
        int added = 0;
        for (Topic topic : TopicCatalog.loadDefault().topics()) {
            if (!topics.existsBySlug(topic.id())) {
                topics.save(new TopicRecord(topic, ++position, now()));
                added++;
            }
        }
        topics.flush();
        return added;
    }

    /** Every topic, retired ones included, in catalog order. Anyone signed in may read them. */
    @Transactional(readOnly = true)
    public TopicCatalog catalog() {
        KeptCatalog known = kept;
        long now = System.nanoTime();
        long before = changes.get();
        if (known != null && known.changes() == before && now - known.readAt() < CATALOG_FRESH.toNanos()) {
            return known.catalog();
        }
        TopicCatalog read = TopicCatalog.of(topics.findAllByOrderByPositionAscIdAsc().stream().map(TopicRecord::toTopic).toList());
        if (changes.get() == before) { // no change began while it was read
            kept = new KeptCatalog(read, before, now);
        }
        return read;
    }

    /** Forgets the kept catalog now and once more when the change's transaction has ended. */
    private void changed() {
        changes.incrementAndGet();
        kept = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    changes.incrementAndGet();
                    kept = null;
                }
            });
        }
    }

    /** Every topic with its version, for editing. */
    @Transactional(readOnly = true)
    public List<EditableTopic> editableTopics() {
        return topics.findAllByOrderByPositionAscIdAsc().stream()
                .map(record -> new EditableTopic(record.toTopic(), record.getVersion())).toList();
    }

    /** Adds a topic (mentors, admins). */
    public Topic addTopic(AccountView actor, @Nullable String id, @Nullable String name, @Nullable String area,
            @Nullable String description) {
        requireMentorOrAdmin(actor, "add topics");
        changed();
        Topic topic = validTopic(id, name, area, description, false);
        if (topics.existsBySlug(topic.id())) {
            throw new LadderConflictException("topic id '" + topic.id() + "' is already taken");
        }
        try {
            topics.saveAndFlush(new TopicRecord(topic, topics.maxPosition() + 1, now()));
        } catch (DataIntegrityViolationException e) {
            throw new LadderConflictException("topic id '" + topic.id() + "' is already taken");
        }
        return topic;
    }

    /** Changes a topic's name, area and description (mentors, admins); refused when it changed meanwhile. */
    public Topic editTopic(AccountView actor, String id, @Nullable String name, @Nullable String area,
            @Nullable String description, long expectedVersion) {
        requireMentorOrAdmin(actor, "edit topics");
        changed();
        TopicRecord record = requireCurrent(id, expectedVersion);
        Topic valid = validTopic(id, name, area, description, false);
        record.edit(valid.name(), valid.area(), valid.description());
        return flush(record).toTopic();
    }

    /** Retires a topic (no new claims, history kept) or brings it back (mentors, admins). */
    public Topic setRetired(AccountView actor, String id, boolean retired, long expectedVersion) {
        requireMentorOrAdmin(actor, retired ? "retire topics" : "reactivate topics");
        changed();
        TopicRecord record = requireCurrent(id, expectedVersion);
        record.setRetired(retired);
        return flush(record).toTopic();
    }

    private TopicRecord requireCurrent(String id, long expectedVersion) {
        TopicRecord record = topics.findBySlug(id)
                .orElseThrow(() -> new NoSuchLadderEntryException("no topic '" + id + "'"));
        if (record.getVersion() != expectedVersion) {
            throw new LadderConflictException("topic '" + id + "' was changed by someone else meanwhile: "
                    + "reload it and make your change again");
        }
        return record;
    }

    private TopicRecord flush(TopicRecord record) {
        try {
            return topics.saveAndFlush(record);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new LadderConflictException("topic '" + record.getSlug() + "' was changed by someone else "
                    + "meanwhile: reload it and make your change again");
        }
    }

    private static Topic validTopic(@Nullable String id, @Nullable String name, @Nullable String area,
            @Nullable String description, boolean retired) {
        if (id == null || id.isBlank()) {
            throw new LadderException("topic id is required, e.g. 'tracing'");
        }
        String slug = id.strip();
        if (!Topic.isSlug(slug) || slug.length() > 64) {
            throw new LadderException("topic id '" + slug + "' is not a slug: use up to 64 lowercase letters, "
                    + "digits and single dashes, starting with a letter");
        }
        String validName = bounded(name, "topic name", 128, true);
        String validArea = bounded(area, "topic area", 64, true);
        String validDescription = bounded(description, "topic description", 1000, false);
        return new Topic(slug, validName, validArea, validDescription, Map.of(), retired);
    }

    private static String bounded(@Nullable String value, String what, int max, boolean required) {
        String stripped = value == null ? "" : value.strip();
        if (required && stripped.isEmpty()) {
            throw new LadderException(what + " is required");
        }
        if (stripped.length() > max) {
            throw new LadderException(what + " must be at most " + max + " characters");
        }
        return stripped;
    }

    /** A topic's name for messages, or its id when there is no such topic. */
    @Transactional(readOnly = true)
    String nameOf(String topicId) {
        return topics.findBySlug(topicId).map(record -> record.toTopic().name()).orElse(topicId);
    }

    private static void requireMentorOrAdmin(AccountView actor, String what) {
        if (!actor.isMentorOrAdmin()) {
            throw new LadderAccessDeniedException("only mentors and admins may " + what);
        }
    }

    /** Now, to the microsecond both databases store. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
