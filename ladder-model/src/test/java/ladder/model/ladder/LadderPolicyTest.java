package ladder.model.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import ladder.model.ladder.ClaimDecision.State;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class LadderPolicyTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    private final LadderPolicy policy = new LadderPolicy();

    /**
     * Every rung x source, with and without evidence. A lab claim here is made by a lab whose
     * definition names the claimed rung; the "recorded" column is the rung the decision records.
     */
    @ParameterizedTest(name = "{1} claim of {0} with evidence={2} is {3} at {4}")
    @CsvSource(textBlock = """
            # rung,          source, evidence, state,          recorded
            symbols,         SELF,   false,    CONFIRMED,      symbols
            symbols,         SELF,   true,     CONFIRMED,      symbols
            data,            SELF,   false,    CONFIRMED,      data
            data,            SELF,   true,     CONFIRMED,      data
            information,     SELF,   false,    CONFIRMED,      information
            information,     SELF,   true,     CONFIRMED,      information
            knowledge,       SELF,   false,    CONFIRMED,      knowledge
            knowledge,       SELF,   true,     CONFIRMED,      knowledge
            ability,         SELF,   false,    REFUSED,        ability
            ability,         SELF,   true,     PENDING_REVIEW, ability
            action,          SELF,   false,    REFUSED,        action
            action,          SELF,   true,     PENDING_REVIEW, action
            competence,      SELF,   false,    REFUSED,        competence
            competence,      SELF,   true,     PENDING_REVIEW, competence
            competitiveness, SELF,   false,    REFUSED,        competitiveness
            competitiveness, SELF,   true,     PENDING_REVIEW, competitiveness
            symbols,         MENTOR, false,    CONFIRMED,      symbols
            symbols,         MENTOR, true,     CONFIRMED,      symbols
            data,            MENTOR, false,    CONFIRMED,      data
            data,            MENTOR, true,     CONFIRMED,      data
            information,     MENTOR, false,    CONFIRMED,      information
            information,     MENTOR, true,     CONFIRMED,      information
            knowledge,       MENTOR, false,    CONFIRMED,      knowledge
            knowledge,       MENTOR, true,     CONFIRMED,      knowledge
            ability,         MENTOR, false,    CONFIRMED,      ability
            ability,         MENTOR, true,     CONFIRMED,      ability
            action,          MENTOR, false,    CONFIRMED,      action
            action,          MENTOR, true,     CONFIRMED,      action
            competence,      MENTOR, false,    CONFIRMED,      competence
            competence,      MENTOR, true,     CONFIRMED,      competence
            competitiveness, MENTOR, false,    CONFIRMED,      competitiveness
            competitiveness, MENTOR, true,     CONFIRMED,      competitiveness
            symbols,         LAB,    false,    CONFIRMED,      symbols
            symbols,         LAB,    true,     CONFIRMED,      symbols
            data,            LAB,    false,    CONFIRMED,      data
            data,            LAB,    true,     CONFIRMED,      data
            information,     LAB,    false,    CONFIRMED,      information
            information,     LAB,    true,     CONFIRMED,      information
            knowledge,       LAB,    false,    CONFIRMED,      knowledge
            knowledge,       LAB,    true,     CONFIRMED,      knowledge
            ability,         LAB,    false,    CONFIRMED,      ability
            ability,         LAB,    true,     CONFIRMED,      ability
            action,          LAB,    false,    CONFIRMED,      ability
            action,          LAB,    true,     CONFIRMED,      ability
            competence,      LAB,    false,    CONFIRMED,      ability
            competence,      LAB,    true,     CONFIRMED,      ability
            competitiveness, LAB,    false,    CONFIRMED,      ability
            competitiveness, LAB,    true,     CONFIRMED,      ability
            """)
    void every_rung_and_source_gets_the_state_the_ladder_rules_give(String rungId, Source source, boolean evidence,
                                                                   State state, String recordedId) {
        Rung rung = Rung.parse(rungId);
        Claim claim = claim(rung, source, evidence ? "ran the lab and fixed the broken scrape" : "");

        ClaimDecision decision = policy.decide(claim);

        assertThat(decision.state()).isEqualTo(state);
        assertThat(decision.rung()).isEqualTo(Rung.parse(recordedId));
        assertThat(decision.reason()).isNotBlank();
    }

    @Test
    void the_matrix_above_has_exactly_one_row_per_rung_source_and_evidence() throws NoSuchMethodException {
        String table = LadderPolicyTest.class.getDeclaredMethod("every_rung_and_source_gets_the_state_the_ladder_rules_give",
                String.class, Source.class, boolean.class, State.class, String.class)
                .getAnnotation(CsvSource.class).textBlock();
        Set<String> rows = new HashSet<>();
        table.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
            String[] cells = line.split("\\s*,\\s*");
            assertThat(rows.add(cells[0] + "/" + cells[1] + "/" + cells[2])).as("duplicate row %s", line).isTrue();
        });

        Set<String> expected = new HashSet<>();
        for (Rung rung : Rung.values()) {
            for (Source source : Source.values()) {
                expected.add(rung.id() + "/" + source + "/false");
                expected.add(rung.id() + "/" + source + "/true");
            }
        }
        assertThat(rows).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(value = Rung.class, names = {"ABILITY", "ACTION", "COMPETENCE", "COMPETITIVENESS"})
    void a_self_claim_above_knowledge_with_only_blank_evidence_is_refused_saying_evidence_is_needed(Rung rung) {
        ClaimDecision decision = policy.decide(Claim.self("alice", "metrics", rung, "  \n\t", List.of(), ""));

        assertThat(decision.state()).isEqualTo(State.REFUSED);
        assertThat(decision.reason()).containsIgnoringCase("evidence");
    }

    @Test
    void a_self_claim_of_ability_names_a_lab_or_a_mentor_as_the_way_to_prove_it() {
        ClaimDecision refused = policy.decide(Claim.self("alice", "metrics", Rung.ABILITY, "", List.of(), ""));

        assertThat(refused.reason()).contains("lab");
    }

    @ParameterizedTest
    @EnumSource(value = Rung.class, names = {"ACTION", "COMPETENCE", "COMPETITIVENESS"})
    void a_self_claim_of_action_or_above_says_it_needs_a_mentors_confirmation(Rung rung) {
        ClaimDecision decision = policy.decide(Claim.self("alice", "metrics", rung, "I run the on-call", List.of(), ""));

        assertThat(decision.reason()).contains("mentor's confirmation");
    }

    /** Lab claims for every claimed rung x every rung a lab's definition can name. */
    @ParameterizedTest(name = "a lab naming {0}")
    @EnumSource(Rung.class)
    void a_lab_claim_is_confirmed_at_most_at_its_definitions_rung_and_never_above_ability(Rung labMaximum) {
        for (Rung claimed : Rung.values()) {
            ClaimDecision decision = policy.decide(Claim.lab("promql-basics", labMaximum, "alice", "metrics", claimed,
                    "passed"));

            Rung expected = claimed;
            if (expected.compareTo(labMaximum) > 0) {
                expected = labMaximum;
            }
            if (expected.compareTo(Rung.ABILITY) > 0) {
                expected = Rung.ABILITY;
            }
            assertThat(decision.state()).as("claimed %s", claimed).isEqualTo(State.CONFIRMED);
            assertThat(decision.rung()).as("claimed %s", claimed).isEqualTo(expected);
        }
    }

    @Test
    void a_lab_claim_above_its_definitions_rung_is_capped_and_the_reason_says_so() {
        ClaimDecision decision = policy.decide(Claim.lab("metrics-intro", Rung.INFORMATION, "alice", "metrics",
                Rung.ABILITY, "passed"));

        assertThat(decision.rung()).isEqualTo(Rung.INFORMATION);
        assertThat(decision.reason()).contains("Information").contains("Ability").contains("at most");
    }

    @Test
    void a_lab_naming_action_still_cannot_confirm_action_because_that_needs_a_mentor() {
        ClaimDecision decision = policy.decide(Claim.lab("on-call-drill", Rung.ACTION, "alice", "incident-response",
                Rung.ACTION, "passed"));

        assertThat(decision.state()).isEqualTo(State.CONFIRMED);
        assertThat(decision.rung()).isEqualTo(Rung.ABILITY);
        assertThat(decision.reason()).contains("mentor's confirmation");
    }

    @Test
    void a_mentor_cannot_assess_themselves() {
        ClaimDecision decision = policy.decide(Claim.mentor("bob", "bob", "metrics", Rung.COMPETENCE, "", List.of(), ""));

        assertThat(decision.state()).isEqualTo(State.REFUSED);
        assertThat(decision.reason()).contains("cannot assess themselves");
    }

    @Test
    void assessing_a_refused_claim_throws_with_the_reason_and_records_nothing() {
        Claim claim = Claim.self("alice", "metrics", Rung.ACTION, "", List.of(), "");

        assertThatThrownBy(() -> policy.assess(claim, UUID.randomUUID(), AT))
                .isInstanceOf(ClaimRefusedException.class)
                .hasMessage(policy.decide(claim).reason());
    }

    @Test
    void assessing_a_claim_copies_its_content_into_the_new_entry() {
        UUID id = UUID.randomUUID();
        Claim claim = Claim.self("alice", "alerting", Rung.ABILITY, "wrote the disk-full alert",
                List.of("https://git.example/pr/12"), "please look at the routing too");

        Assessment entry = policy.assess(claim, id, AT);

        assertThat(entry).isEqualTo(new Assessment(id, "alice", "alerting", Rung.ABILITY, Source.SELF,
                AssessmentState.PENDING_REVIEW, "wrote the disk-full alert", List.of("https://git.example/pr/12"),
                "please look at the routing too", "alice", AT, null, null));
    }

    @Test
    void a_capped_lab_claim_is_recorded_at_the_cap_with_the_reason_in_its_note() {
        Assessment entry = policy.assess(Claim.lab("slo-burn", Rung.ABILITY, "alice", "slo", Rung.COMPETENCE,
                "all checks passed"), UUID.randomUUID(), AT);

        assertThat(entry.rung()).isEqualTo(Rung.ABILITY);
        assertThat(entry.state()).isEqualTo(AssessmentState.CONFIRMED);
        assertThat(entry.assessor()).isEqualTo("slo-burn");
        assertThat(entry.note()).isEqualTo("Recorded at Ability (know-how) instead of Competence: this lab proves at"
                + " most Ability (know-how); Competence needs a mentor's confirmation.");
    }

    @Test
    void a_lab_claim_without_the_rung_its_definition_names_is_rejected() {
        assertThatThrownBy(() -> new Claim("alice", "metrics", Rung.ABILITY, Source.LAB, "lab-1", "", List.of(), "",
                null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the rung its lab's definition names");
    }

    @Test
    void a_self_assessment_in_someone_elses_name_is_rejected() {
        assertThatThrownBy(() -> new Claim("alice", "metrics", Rung.DATA, Source.SELF, "mallory", "", List.of(), "",
                null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not by 'mallory'");
    }

    @Test
    void only_a_lab_claim_may_carry_a_lab_maximum() {
        assertThatThrownBy(() -> new Claim("alice", "metrics", Rung.ABILITY, Source.SELF, "alice", "", List.of(), "",
                Rung.ABILITY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only a lab claim");
    }

    @Test
    void a_claim_on_a_topic_id_that_is_not_a_slug_is_rejected() {
        assertThatThrownBy(() -> Claim.self("alice", "Metrics and more", Rung.DATA, "", List.of(), ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Metrics and more' is not a slug");
    }

    @Test
    void a_claims_links_cannot_be_changed_through_the_list_it_was_given() {
        List<String> links = new ArrayList<>(List.of("https://a.example"));
        Claim claim = Claim.self("alice", "metrics", Rung.DATA, "", links, "");
        links.add("https://b.example");

        assertThat(claim.links()).containsExactly("https://a.example");
    }

    private static Claim claim(Rung rung, Source source, String evidence) {
        return switch (source) {
            case SELF -> Claim.self("alice", "metrics", rung, evidence, List.of(), "");
            case MENTOR -> Claim.mentor("bob", "alice", "metrics", rung, evidence, List.of(), "");
            case LAB -> Claim.lab("metrics-lab", rung, "alice", "metrics", rung, evidence);
        };
    }
}
