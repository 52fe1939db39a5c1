package ladder.webapp.ladder;

import static ladder.webapp.ladder.People.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import ladder.model.ladder.Assessment;
import ladder.model.ladder.AssessmentState;
import ladder.model.ladder.LadderState;
import ladder.model.ladder.ReviewDecision;
import ladder.model.ladder.Rung;
import ladder.model.ladder.Source;
import ladder.model.ladder.TopicCatalog;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.CurrentUser;
import ladder.webapp.account.Role;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.hibernate.annotations.Immutable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the ladder needs of the database, run against H2 and a real PostgreSQL by the two subclasses:
 * migrations, seeding, append-only history read back exactly, a claim reviewed once, stale topic edits.
 */
abstract class LadderPersistenceContract {

    @Autowired LadderService ladder;
    @Autowired CurrentUser currentUser;
    @Autowired TopicService topics;
    @Autowired AccountService accounts;
    @Autowired AssessmentRecordRepository repository;
    @Autowired Flyway flyway;
    @Autowired JdbcTemplate jdbc;

    @Test
    void the_ladder_migrations_are_applied() {
        MigrationInfo[] applied = flyway.info().applied();
        assertThat(applied).filteredOn(info -> info.getVersion() != null)
                .extracting(info -> info.getVersion().getVersion()).contains("20", "21");
        assertThat(flyway.info().pending()).isEmpty();
    }

    @Test
    void the_default_topics_are_seeded_once_and_seeding_again_keeps_edits_and_retirements() {
        TopicCatalog defaults = TopicCatalog.loadDefault();
        assertThat(topics.catalog().topics()).extracting(t -> t.id())
                .containsAll(defaults.topics().stream().map(t -> t.id()).toList());
        assertThat(topics.catalog().find("metrics").orElseThrow().describe(Rung.ABILITY)).isPresent();

        String mentor = People.create(accounts, "seedm", Role.MENTOR);
        String slug = "seed-" + mentor.substring(5);
        as(mentor, () -> {
            topics.addTopic(currentUser.require(), slug, "Seeding", "Test", "a topic to retire");
            long version = version(slug);
            topics.setRetired(currentUser.require(), slug, true, version);
        });
        int before = topics.catalog().topics().size();

        assertThat(topics.seedDefaultTopics()).isZero();
        assertThat(topics.catalog().topics()).hasSize(before);
        assertThat(topics.catalog().find(slug).orElseThrow().retired()).isTrue();
    }

    @Test
    void an_assessment_is_read_back_exactly_as_appended() {
        String learner = People.create(accounts, "ada", Role.LEARNER);
        Assessment recorded = as(learner, () -> ladder.assess(currentUser.require(), learner, new ClaimInput("alerting", Rung.ACTION,
                "paged on disk full, wrote the runbook", List.of("https://example.org/pr/1", "http://grafana.local/d/x"),
                "first on-call week")));

        Assessment read = as(learner, () -> ladder.history(currentUser.require(), learner, "alerting")).getFirst();
        assertThat(read).isEqualTo(recorded);
        assertThat(read.state()).isEqualTo(AssessmentState.PENDING_REVIEW);
        assertThat(read.source()).isEqualTo(Source.SELF);
        assertThat(read.links()).containsExactly("https://example.org/pr/1", "http://grafana.local/d/x");
    }

    @Test
    void a_review_is_appended_and_the_history_keeps_every_entry_in_order() {
        String learner = People.create(accounts, "bea", Role.LEARNER);
        String mentor = People.create(accounts, "mo", Role.MENTOR);
        Assessment claim = as(learner, () -> ladder.assess(currentUser.require(), learner,
                new ClaimInput("metrics", Rung.ABILITY, "built the service dashboard", List.of(), "")));
        as(mentor, () -> ladder.review(currentUser.require(), claim.id(), new ReviewDecision.Confirm("nice panels")));

        List<Assessment> history = as(learner, () -> ladder.history(currentUser.require(), learner, null));
        assertThat(history).extracting(Assessment::state)
                .containsExactly(AssessmentState.CONFIRMED, AssessmentState.PENDING_REVIEW);
        assertThat(history.getFirst().reviewOf()).isEqualTo(claim.id());
        assertThat(history.getFirst().reviewComment()).isEqualTo("nice panels");
        LadderState state = as(learner, () -> ladder.ladder(currentUser.require(), learner));
        assertThat(state.topic("metrics").orElseThrow().confirmed()).isEqualTo(Rung.ABILITY);
        assertThat(jdbc.queryForObject("select count(*) from ladder_assessment where learner_handle = ?",
                Integer.class, "@" + learner)).isEqualTo(2);
    }

    @Test
    void the_database_itself_refuses_a_second_decision_on_the_same_pending_claim() {
        String learner = People.create(accounts, "cy", Role.LEARNER);
        String mentor = People.create(accounts, "mx", Role.MENTOR);
        Assessment claim = as(learner, () -> ladder.assess(currentUser.require(), learner,
                new ClaimInput("logs", Rung.ACTION, "fixed the log pipeline", List.of(), "")));
        as(mentor, () -> ladder.review(currentUser.require(), claim.id(), new ReviewDecision.Decline("show me the pipeline first")));

        assertThatThrownBy(() -> jdbc.update("insert into ladder_assessment (public_id, learner_id, learner_handle, "
                + "topic, rung, source, state, evidence, links, note, assessor, created_at, review_of, review_of_pending) "
                + "values (?, 1, '@x', 'logs', 'ACTION', 'MENTOR', 'CONFIRMED', '', '', '', '@m', current_timestamp, ?, ?)",
                UUID.randomUUID(), claim.id(), claim.id()))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> as(mentor, () -> ladder.review(currentUser.require(), claim.id(), new ReviewDecision.Confirm(null))))
                .isInstanceOf(LadderConflictException.class).hasMessageContaining("already reviewed");
    }

    @Test
    void the_history_repository_offers_no_way_to_change_or_delete_an_entry() {
        List<String> names = Arrays.stream(AssessmentRecordRepository.class.getMethods()).map(Method::getName).toList();
        assertThat(names).noneMatch(name -> name.startsWith("delete") || name.startsWith("update"));
        assertThat(AssessmentRecord.class.getAnnotation(Immutable.class)).isNotNull();
    }

    @Test
    void a_stale_topic_edit_is_refused_and_the_newer_change_stays() {
        String mentor = People.create(accounts, "ed", Role.MENTOR);
        String slug = "stale-" + mentor.substring(2);
        as(mentor, () -> {
            topics.addTopic(currentUser.require(), slug, "Stale", "Test", "before");
            long read = version(slug);
            topics.editTopic(currentUser.require(), slug, "Stale", "Test", "first edit", read);
            assertThatThrownBy(() -> topics.editTopic(currentUser.require(), slug, "Stale", "Test", "second edit", read))
                    .isInstanceOf(LadderConflictException.class).hasMessageContaining("changed by someone else");
        });
        assertThat(topics.catalog().find(slug).orElseThrow().description()).isEqualTo("first edit");
    }

    @Test
    void a_retired_topic_keeps_its_history_and_takes_no_new_claims() {
        String mentor = People.create(accounts, "rt", Role.MENTOR);
        String learner = People.create(accounts, "dan", Role.LEARNER);
        String slug = "old-" + mentor.substring(2);
        as(mentor, () -> topics.addTopic(currentUser.require(), slug, "Old tool", "Test", "going away"));
        as(learner, () -> ladder.assess(currentUser.require(), learner, new ClaimInput(slug, Rung.INFORMATION, "", List.of(), "")));
        as(mentor, () -> topics.setRetired(currentUser.require(), slug, true, version(slug)));

        LadderState state = as(learner, () -> ladder.ladder(currentUser.require(), learner));
        assertThat(state.topic(slug).orElseThrow().topic().retired()).isTrue();
        assertThat(state.topic(slug).orElseThrow().confirmed()).isEqualTo(Rung.INFORMATION);
        assertThatThrownBy(() -> as(learner, () -> ladder.assess(currentUser.require(), learner,
                new ClaimInput(slug, Rung.KNOWLEDGE, "", List.of(), ""))))
                .isInstanceOf(LadderException.class).hasMessageContaining("retired");
    }

    long version(String slug) {
        return topics.editableTopics().stream().filter(t -> t.topic().id().equals(slug)).findFirst().orElseThrow()
                .version();
    }
}
