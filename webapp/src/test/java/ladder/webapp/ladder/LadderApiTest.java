package ladder.webapp.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.Role;
import ladder.webapp.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The ladder's REST API through the real filter chains, as learners, a mentor and nobody. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LadderApiTest {

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired TopicService topicService;

    Http anonymous;
    String ada;
    String bob;
    String mentor;

    @BeforeEach
    void people() {
        anonymous = Http.to(port);
        ada = People.create(accounts, "ada", Role.LEARNER); // a fresh learner per test: histories start empty
        bob = People.create(accounts, "bob", Role.LEARNER);
        mentor = People.create(accounts, "mia", Role.MENTOR);
    }

    Http as(String username) {
        return anonymous.as(username, People.PASSWORD);
    }

    static String id(HttpResponse<String> answer) {
        Matcher matcher = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(answer.body());
        assertThat(matcher.find()).as(answer.body()).isTrue();
        return matcher.group(1);
    }

    HttpResponse<String> claim(String who, String handle, String topic, String rung, String evidence) {
        return as(who).postJson("/api/participants/@" + handle + "/assessments", """
                {"topic":"%s","rung":"%s","evidence":"%s","note":"n"}""".formatted(topic, rung, evidence));
    }

    @Test
    void anyone_signed_in_lists_the_topics_and_anonymous_gets_401() {
        HttpResponse<String> topics = as(ada).get("/api/topics");
        assertThat(topics.statusCode()).isEqualTo(200);
        assertThat(topics.body()).contains("\"id\":\"metrics\"", "\"id\":\"alerting\"", "\"area\":", "\"rungs\":");
        assertThat(anonymous.get("/api/topics").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/api/participants/@" + ada + "/ladder").statusCode()).isEqualTo(401);
    }

    @Test
    void mentors_add_topics_learners_may_not_and_bad_or_taken_ids_are_named() {
        String slug = "ebpf-" + mentor.substring(3);
        String body = """
                {"id":"%s","name":"eBPF","area":"Linux","description":"Tracing the kernel."}""".formatted(slug);
        assertThat(as(ada).postJson("/api/topics", body).statusCode()).isEqualTo(403);

        HttpResponse<String> created = as(mentor).postJson("/api/topics", body);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"id\":\"" + slug + "\"", "\"retired\":false");
        assertThat(as(ada).get("/api/topics").body()).contains(slug);

        HttpResponse<String> taken = as(mentor).postJson("/api/topics", body);
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("already taken");
        HttpResponse<String> bad = as(mentor).postJson("/api/topics", """
                {"id":"Not A Slug","name":"x","area":"y","description":""}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("is not a slug");
        HttpResponse<String> noName = as(mentor).postJson("/api/topics", "{\"id\":\"x-" + slug + "\",\"area\":\"y\"}");
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(noName.body()).contains("topic name is required");
    }

    @Test
    void a_topic_added_or_retired_is_in_the_next_ladder_read_although_the_catalog_is_kept() {
        String slug = "kept-" + mentor.substring(3);
        String ladder = "/api/participants/@" + ada + "/ladder";
        assertThat(as(ada).get(ladder).body()).contains("\"metrics\"").doesNotContain(slug); // the catalog is kept now
        // one's own ladder in another spelling of the handle is still one's own; another's is still refused
        assertThat(as(ada).get("/api/participants/" + ada.toUpperCase(java.util.Locale.ROOT) + "/ladder").statusCode())
                .isEqualTo(200);
        assertThat(as(ada).get("/api/participants/@" + bob + "/ladder").statusCode()).isEqualTo(403);

        assertThat(as(mentor).postJson("/api/topics", """
                {"id":"%s","name":"Kept","area":"Cache","description":""}""".formatted(slug)).statusCode()).isEqualTo(201);
        assertThat(as(ada).get(ladder).body()).contains("\"" + slug + "\"");
        assertThat(claim(ada, ada, slug, "data", "").statusCode()).isEqualTo(201);
        assertThat(as(bob).get("/api/participants/@" + bob + "/ladder").body()).contains("\"" + slug + "\"");

        var mentorAccount = accounts.findByHandle("@" + mentor).orElseThrow();
        long version = topicService.editableTopics().stream().filter(t -> t.topic().id().equals(slug)).findFirst()
                .orElseThrow().version();
        topicService.setRetired(mentorAccount, slug, true, version);
        // bob has no history on it: a retired topic is gone from his ladder; ada's keeps it, marked retired
        assertThat(as(bob).get("/api/participants/@" + bob + "/ladder").body()).doesNotContain("\"" + slug + "\"");
        assertThat(as(ada).get(ladder).body()).containsPattern("\"" + slug + "\"[^}]*\"retired\":true");
    }

    @Test
    void a_learner_sees_only_themselves_among_participants_a_mentor_sees_everyone() {
        assertThat(as(ada).get("/api/participants").body())
                .isEqualTo("[{\"handle\":\"@" + ada + "\",\"displayName\":\"Name of " + ada + "\"}]");
        assertThat(as(mentor).get("/api/participants").body()).contains("@" + ada, "@" + bob)
                .doesNotContain("@" + mentor);
    }

    @Test
    void a_self_assessment_stands_up_to_knowledge_and_waits_for_review_above() {
        HttpResponse<String> knowledge = claim(ada, ada, "metrics", "knowledge", "");
        assertThat(knowledge.statusCode()).isEqualTo(201);
        assertThat(knowledge.body()).contains("\"topic\":\"metrics\"", "\"rung\":\"knowledge\"", "\"state\":\"confirmed\"");

        HttpResponse<String> action = claim(ada, ada, "alerting", "action", "wrote the disk alert");
        assertThat(action.statusCode()).isEqualTo(201);
        assertThat(action.body()).contains("\"state\":\"pending_review\"");
    }

    @Test
    void bad_claims_get_400_naming_the_problem() {
        HttpResponse<String> noEvidence = claim(ada, ada, "alerting", "ability", "");
        assertThat(noEvidence.statusCode()).isEqualTo(400);
        assertThat(noEvidence.body()).contains("evidence");
        HttpResponse<String> topic = claim(ada, ada, "astrology", "data", "");
        assertThat(topic.statusCode()).isEqualTo(400);
        assertThat(topic.body()).contains("unknown topic 'astrology'");
        HttpResponse<String> rung = claim(ada, ada, "metrics", "guru", "");
        assertThat(rung.statusCode()).isEqualTo(400);
        assertThat(rung.body()).contains("unknown rung 'guru'");
        HttpResponse<String> link = as(ada).postJson("/api/participants/@" + ada + "/assessments", """
                {"topic":"metrics","rung":"data","links":["javascript:alert(1)"]}""");
        assertThat(link.statusCode()).isEqualTo(400);
        assertThat(link.body()).contains("not an http(s) address");
        assertThat(as(ada).postJson("/api/participants/@" + ada + "/assessments", "{\"rung\":\"data\"}").body())
                .contains("topic is required");
        assertThat(as(ada).postJson("/api/participants/@" + ada + "/assessments", "{not json").statusCode())
                .isEqualTo(400);
        assertThat(as(ada).get("/api/participants/@" + ada + "/ladder?format=xml").statusCode()).isEqualTo(400);
        assertThat(as(ada).get("/api/participants/@" + ada + "/assessments?topic=astrology").statusCode())
                .isEqualTo(400);
    }

    @Test
    void a_learner_never_gets_another_learners_data_even_by_guessing() {
        claim(bob, bob, "alerting", "action", "bob's secret evidence");
        Http guesser = as(ada);
        for (String path : new String[] {"/api/participants/@" + bob + "/assessments",
                "/api/participants/" + bob + "/assessments?topic=alerting",
                "/api/participants/@" + bob + "/ladder", "/api/participants/@" + bob + "/ladder?format=md",
                "/api/participants/@" + bob + "/ladder?format=csv",
                "/api/participants/@nobody-at-all/ladder"}) {
            HttpResponse<String> answer = guesser.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(403);
            assertThat(answer.body()).as(path).doesNotContain("secret", "alerting", bob);
        }
        HttpResponse<String> write = claim(ada, bob, "metrics", "data", "");
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(as(mentor).get("/api/participants/@" + bob + "/assessments").body()).doesNotContain("metrics");
    }

    @Test
    void a_learner_cannot_see_or_decide_reviews_even_with_a_real_claim_id() {
        String claimId = id(claim(bob, bob, "logs", "action", "ran the log pipeline"));
        Http learner = as(ada);
        assertThat(learner.get("/api/reviews").statusCode()).isEqualTo(403);
        HttpResponse<String> decide = learner.postJson("/api/reviews/" + claimId, "{\"decision\":\"confirm\"}");
        assertThat(decide.statusCode()).isEqualTo(403);
        HttpResponse<String> own = as(bob).postJson("/api/reviews/" + claimId, "{\"decision\":\"confirm\"}");
        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(as(mentor).get("/api/reviews").body()).contains(claimId);
    }

    @Test
    void a_mentor_reviews_the_queue_oldest_first_and_a_claim_is_decided_once() {
        String first = id(claim(ada, ada, "tracing", "action", "traced checkout"));
        String second = id(claim(bob, bob, "tracing", "competence", "taught tracing"));
        Http mia = as(mentor);

        String queue = mia.get("/api/reviews").body();
        assertThat(queue.indexOf(first)).isNotNegative().isLessThan(queue.indexOf(second));
        assertThat(queue).contains("\"learner\":\"@" + ada + "\"", "\"topicName\":", "traced checkout");

        HttpResponse<String> confirmed = mia.postJson("/api/reviews/" + first,
                "{\"decision\":\"confirm\",\"comment\":\"well done\"}");
        assertThat(confirmed.statusCode()).isEqualTo(201);
        assertThat(confirmed.body()).contains("\"state\":\"confirmed\"", "\"reviewOf\":\"" + first + "\"",
                "\"comment\":\"well done\"");
        HttpResponse<String> again = mia.postJson("/api/reviews/" + first, "{\"decision\":\"decline\",\"comment\":\"x\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(mia.get("/api/reviews").body()).doesNotContain(first).contains(second);

        assertThat(mia.postJson("/api/reviews/" + second, "{\"decision\":\"decline\"}").body())
                .contains("needs a comment");
        assertThat(mia.postJson("/api/reviews/" + second, "{\"decision\":\"adjust\",\"comment\":\"c\"}").body())
                .contains("needs the rung");
        assertThat(mia.postJson("/api/reviews/" + second, "{\"decision\":\"maybe\"}").body())
                .contains("decision must be confirm, adjust or decline");
        HttpResponse<String> adjusted = mia.postJson("/api/reviews/" + second,
                "{\"decision\":\"adjust\",\"rung\":\"action\",\"comment\":\"not yet teaching\"}");
        assertThat(adjusted.statusCode()).isEqualTo(201);
        assertThat(adjusted.body()).contains("\"state\":\"adjusted\"", "\"rung\":\"action\"");

        assertThat(mia.postJson("/api/reviews/" + UUID.randomUUID(), "{\"decision\":\"confirm\"}").statusCode())
                .isEqualTo(404);
        assertThat(mia.postJson("/api/reviews/42", "{\"decision\":\"confirm\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void a_mentors_assessment_of_a_learner_is_confirmed_at_once() {
        HttpResponse<String> answer = claim(mentor, ada, "containers", "competence", "");
        assertThat(answer.statusCode()).isEqualTo(201);
        assertThat(answer.body()).contains("\"state\":\"confirmed\"");
        assertThat(as(ada).get("/api/participants/@" + ada + "/ladder").body())
                .contains("\"topic\":\"containers\"", "\"confirmed\":\"competence\"");
        assertThat(claim(mentor, "nobody-" + ada, "containers", "data", "").statusCode()).isEqualTo(404);
    }

    @Test
    void the_history_is_newest_first_and_filters_by_topic() {
        claim(ada, ada, "metrics", "data", "");
        claim(ada, ada, "metrics", "information", "");
        claim(ada, ada, "logs", "data", "");
        String all = as(ada).get("/api/participants/@" + ada + "/assessments").body();
        assertThat(all.indexOf("\"topic\":\"logs\"")).isLessThan(all.indexOf("\"rung\":\"information\""));
        assertThat(all.indexOf("\"rung\":\"information\"")).isLessThan(all.lastIndexOf("\"rung\":\"data\""));
        String metrics = as(mentor).get("/api/participants/" + ada + "/assessments?topic=metrics").body();
        assertThat(metrics).contains("\"source\":\"self\"", "\"assessor\":\"@" + ada + "\"").doesNotContain("logs");
    }

    @Test
    void the_ladder_is_exported_as_json_markdown_and_csv() {
        claim(ada, ada, "metrics", "knowledge", "");
        String pending = id(claim(ada, ada, "alerting", "action", "on call"));

        HttpResponse<String> json = as(ada).get("/api/participants/@" + ada + "/ladder?format=json");
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(json.body()).contains("\"learner\":\"@" + ada + "\"", "\"confirmed\":\"knowledge\"",
                "\"pending\":{\"id\":\"" + pending + "\",\"rung\":\"action\"", "\"requirement\":\"lab_or_mentor_evidence\"");

        HttpResponse<String> md = as(mentor).get("/api/participants/@" + ada + "/ladder?format=md");
        assertThat(md.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
        assertThat(md.body()).startsWith("# Knowledge ladder of @" + ada).contains("| Metrics | Knowledge |");

        HttpResponse<String> csv = as(ada).get("/api/participants/@" + ada + "/ladder?format=csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("topic_id,").contains("metrics,");
    }

    @Test
    void a_handle_is_the_same_learner_in_any_case_and_access_goes_by_account_not_by_spelling() {
        HttpResponse<String> own = as(ada).get("/api/participants/@" + ada.toUpperCase() + "/ladder");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);

        HttpResponse<String> other = as(ada).get("/api/participants/@" + bob.toUpperCase() + "/ladder");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
        assertThat(claim(ada, bob.toUpperCase(), "metrics", "knowledge", "mine").statusCode()).isEqualTo(403);
    }
}
