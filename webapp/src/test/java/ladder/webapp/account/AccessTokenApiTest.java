package ladder.webapp.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import ladder.webapp.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Personal access tokens through the real filter chains: made with the password, used as {@code Bearer}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessTokenApiTest {

    static final String ADMIN_PASSWORD = "Admin-password-for-tests-1";
    static final String PASSWORD = "a-long-enough-password";
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired JdbcTemplate jdbc;
    Http anonymous;
    Http admin;

    @BeforeEach
    void clients() {
        anonymous = Http.to(port);
        admin = anonymous.as("admin", ADMIN_PASSWORD);
    }

    String learner() {
        String username = "t" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(username, "Learner " + username, "@" + username, Set.of(Role.LEARNER), PASSWORD));
        return username;
    }

    record Made(long id, String secret) {
    }

    static Made make(Http owner, String scope) throws Exception {
        HttpResponse<String> answer = owner.postJson("/api/tokens",
                "{\"name\":\"ci job\",\"expiresInDays\":7,\"scope\":\"" + scope + "\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(answer.body());
        return new Made(body.get("id").asLong(), body.get("token").asText());
    }

    @Test
    void a_token_is_made_with_the_password_shown_once_with_its_prefix_and_signs_in_as_bearer() throws Exception {
        Http owner = anonymous.as(learner(), PASSWORD);
        HttpResponse<String> answer = owner.postJson("/api/tokens",
                "{\"name\":\"laptop script\",\"expiresInDays\":30,\"scope\":\"read\"}");

        assertThat(answer.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(answer.body());
        String secret = body.get("token").asText();
        assertThat(secret).startsWith("ldr_pat_").hasSizeGreaterThanOrEqualTo("ldr_pat_".length() + 43);
        assertThat(body.get("name").asText()).isEqualTo("laptop script");
        assertThat(body.get("scope").asText()).isEqualTo("read");
        Instant expires = Instant.parse(body.get("expiresAt").asText());
        assertThat(expires).isBetween(Instant.now().plus(29, ChronoUnit.DAYS), Instant.now().plus(31, ChronoUnit.DAYS));
        assertThat(answer.headers().firstValue("Location")).hasValue("/api/tokens/" + body.get("id").asLong());

        assertThat(anonymous.withToken(secret).get("/api/roadmaps").statusCode()).isEqualTo(200);
        HttpResponse<String> listed = anonymous.withToken(secret).get("/api/tokens");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"laptop script\"", "\"lastUsedAt\":\"")
                .doesNotContain(secret).doesNotContain(AccessTokens.hash(secret)).doesNotContain("ldr_pat_");
    }

    @Test
    void only_the_sha_256_of_the_secret_is_stored() throws Exception {
        Made made = make(anonymous.as(learner(), PASSWORD), "read");

        Map<String, Object> row = jdbc.queryForMap("select * from access_token where id = ?", made.id());
        assertThat(row.get("secret_hash")).isEqualTo(AccessTokens.hash(made.secret()));
        assertThat(AccessTokens.hash(made.secret())).hasSize(64).isNotEqualTo(made.secret());
        assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(made.secret())
                .doesNotContain(made.secret().substring("ldr_pat_".length())));
    }

    @Test
    void a_read_token_reads_and_gets_403_on_every_write_method() throws Exception {
        String username = learner();
        Made read = make(anonymous.as(username, PASSWORD), "read");
        Made write = make(anonymous.as(username, PASSWORD), "write");
        Http reader = anonymous.withToken(read.secret());
        Http writer = anonymous.withToken(write.secret());

        assertThat(reader.get("/api/participants/@" + username + "/ladder").statusCode()).isEqualTo(200);
        List<HttpResponse<String>> writes = List.of(
                reader.patchJson("/api/roadmaps/999999/goals/a", "{\"status\":\"done\"}"),
                reader.postJson("/api/participants/@" + username + "/assessments", "{}"),
                reader.put("/api/roadmaps/999999", "text/vnd.graphviz", "digraph { a }"),
                reader.delete("/api/tokens/" + read.id()));
        assertThat(writes).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.request().method() + " " + answer.body()).isEqualTo(403);
            assertThat(answer.body()).contains("\"error\"");
        });
        // the same account's write token gets past the rule to the endpoint, which answers on its own terms
        assertThat(writer.patchJson("/api/roadmaps/999999/goals/a", "{\"status\":\"done\"}").statusCode()).isNotEqualTo(403);
        assertThat(writer.delete("/api/tokens/" + read.id()).statusCode()).isEqualTo(204);
    }

    @Test
    void no_token_makes_tokens_that_needs_the_password() throws Exception {
        String username = learner();
        Made write = make(anonymous.as(username, PASSWORD), "write");

        HttpResponse<String> answer = anonymous.withToken(write.secret()).postJson("/api/tokens",
                "{\"name\":\"forever\",\"expiresInDays\":366,\"scope\":\"write\"}");
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from access_token t join account a on a.id = t.account_id "
                + "where a.username = ?", Long.class, username)).isEqualTo(1);
    }

    @Test
    void a_revoked_token_is_refused() throws Exception {
        Http owner = anonymous.as(learner(), PASSWORD);
        Made made = make(owner, "read");
        assertThat(anonymous.withToken(made.secret()).get("/api/roadmaps").statusCode()).isEqualTo(200);

        assertThat(owner.delete("/api/tokens/" + made.id()).statusCode()).isEqualTo(204);

        HttpResponse<String> refused = anonymous.withToken(made.secret()).get("/api/roadmaps");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).contains("Bearer", "invalid_token"));
        assertThat(owner.delete("/api/tokens/" + made.id()).statusCode()).isEqualTo(404);
    }

    @Test
    void an_expired_token_is_refused() throws Exception {
        Made made = make(anonymous.as(learner(), PASSWORD), "read");
        jdbc.update("update access_token set expires_at = ? where id = ?",
                Timestamp.from(Instant.now().minusSeconds(1)), made.id());

        assertThat(anonymous.withToken(made.secret()).get("/api/roadmaps").statusCode()).isEqualTo(401);
    }

    @Test
    void a_token_of_a_disabled_account_is_refused_and_disabling_revokes_it() throws Exception {
        String username = learner();
        Made made = make(anonymous.as(username, PASSWORD), "write");
        Made other = make(anonymous.as(username, PASSWORD), "read");

        // disabled behind the service's back: the check itself reads the account
        jdbc.update("update account set enabled = false where username = ?", username);
        assertThat(anonymous.withToken(made.secret()).get("/api/roadmaps").statusCode()).isEqualTo(401);
        jdbc.update("update account set enabled = true where username = ?", username);
        assertThat(anonymous.withToken(made.secret()).get("/api/roadmaps").statusCode()).isEqualTo(200);

        // disabled by an admin: the tokens are gone, and re-enabling brings none back
        assertThat(admin.patchJson("/api/accounts/" + username, "{\"enabled\":false}").statusCode()).isEqualTo(200);
        assertThat(admin.patchJson("/api/accounts/" + username, "{\"enabled\":true}").statusCode()).isEqualTo(200);
        assertThat(anonymous.withToken(made.secret()).get("/api/roadmaps").statusCode()).isEqualTo(401);
        assertThat(anonymous.withToken(other.secret()).get("/api/roadmaps").statusCode()).isEqualTo(401);
    }

    @Test
    void a_password_reset_revokes_the_accounts_tokens() throws Exception {
        String username = learner();
        Made made = make(anonymous.as(username, PASSWORD), "read");
        assertThat(anonymous.withToken(made.secret()).get("/api/roadmaps").statusCode()).isEqualTo(200); // accepted just now

        assertThat(admin.patchJson("/api/accounts/" + username, "{\"password\":\"another-long-password\"}")
                .statusCode()).isEqualTo(200);

        assertThat(anonymous.withToken(made.secret()).get("/api/roadmaps").statusCode()).isEqualTo(401);
    }

    @Test
    void an_unknown_or_malformed_bearer_is_refused_with_the_same_answer() throws Exception {
        Made made = make(anonymous.as(learner(), PASSWORD), "read");
        String forged = made.secret().substring(0, made.secret().length() - 2) + "xx";

        HttpResponse<String> unknown = anonymous.withToken(forged).get("/api/roadmaps");
        HttpResponse<String> notOurs = anonymous.withToken("not-a-token").get("/api/roadmaps");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(notOurs.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(notOurs.body()).contains("token is not valid");
    }

    @Test
    void others_tokens_are_invisible_and_only_an_admin_revokes_them() throws Exception {
        Http ada = anonymous.as(learner(), PASSWORD);
        Http bob = anonymous.as(learner(), PASSWORD);
        Made adas = make(ada, "read");

        assertThat(bob.get("/api/tokens").body()).isEqualTo("[]");
        assertThat(bob.delete("/api/tokens/" + adas.id()).statusCode()).isEqualTo(404);
        assertThat(anonymous.withToken(adas.secret()).get("/api/roadmaps").statusCode()).isEqualTo(200);

        assertThat(admin.get("/api/tokens").body()).doesNotContain("\"id\":" + adas.id() + ","); // own ones only
        assertThat(admin.delete("/api/tokens/" + adas.id()).statusCode()).isEqualTo(204);
        assertThat(anonymous.withToken(adas.secret()).get("/api/roadmaps").statusCode()).isEqualTo(401);
    }

    @Test
    void bad_requests_get_400_with_the_problem_named() {
        Http owner = anonymous.as(learner(), PASSWORD);

        assertThat(owner.postJson("/api/tokens", "{\"name\":\"x\",\"expiresInDays\":0}").body()).contains("expiresInDays");
        assertThat(owner.postJson("/api/tokens", "{\"name\":\"x\",\"expiresInDays\":400}").statusCode()).isEqualTo(400);
        assertThat(owner.postJson("/api/tokens", "{\"name\":\" \"}").body()).contains("name");
        assertThat(owner.postJson("/api/tokens", "{\"name\":\"x\",\"scope\":\"root\"}").body()).contains("unknown scope");
        assertThat(owner.postJson("/api/tokens", "{\"name\":\"x\",\"scope\":\"metrics\"}").body())
                .contains("only an admin");
        assertThat(anonymous.postJson("/api/tokens", "{\"name\":\"x\"}").statusCode()).isEqualTo(401);
    }

    @Test
    void the_scrape_takes_an_admins_token_and_a_metrics_token_opens_nothing_else() throws Exception {
        Made metrics = make(admin, "metrics");
        Made adminRead = make(admin, "read");
        Made learners = make(anonymous.as(learner(), PASSWORD), "read");

        assertThat(anonymous.withToken(metrics.secret()).get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(anonymous.withToken(adminRead.secret()).get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(anonymous.withToken(learners.secret()).get("/actuator/prometheus").statusCode()).isEqualTo(403);
        assertThat(anonymous.withToken("ldr_pat_unknown").get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(anonymous.withToken(metrics.secret()).get("/api/roadmaps").statusCode()).isEqualTo(403);
        assertThat(anonymous.withToken(metrics.secret()).get("/api/tokens").statusCode()).isEqualTo(403);
    }

    @Test
    void a_token_acts_with_its_accounts_roles_as_they_are_now() throws Exception {
        String username = learner();
        Made made = make(anonymous.as(username, PASSWORD), "read");
        assertThat(anonymous.withToken(made.secret()).get("/api/accounts").statusCode()).isEqualTo(403);

        accounts.update(username, new AccountChanges(null, null, Set.of(Role.ADMIN, Role.LEARNER), null, null));

        assertThat(anonymous.withToken(made.secret()).get("/api/accounts").statusCode()).isEqualTo(200);

        // and a role taken away is gone from the next request, though the token was accepted a moment ago
        accounts.update(username, new AccountChanges(null, null, Set.of(Role.LEARNER), null, null));
        assertThat(anonymous.withToken(made.secret()).get("/api/accounts").statusCode()).isEqualTo(403);
    }

    @Test
    void a_bearer_request_is_stateless() throws Exception {
        Made made = make(anonymous.as(learner(), PASSWORD), "read");

        for (String path : List.of("/api/roadmaps", "/api/tokens")) {
            HttpResponse<String> answer = anonymous.withToken(made.secret()).get(path);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().allValues("Set-Cookie")).as("no HTTP session for " + path).isEmpty();
        }
    }
}
