package ladder.webapp.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import ladder.webapp.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /api/accounts} through the real filter chains, as an admin, a learner and nobody. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountApiTest {

    static final String ADMIN_PASSWORD = "Admin-password-for-tests-1";
    static final String PASSWORD = "a-long-enough-password";

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    Http admin;
    Http anonymous;

    @BeforeEach
    void clients() {
        anonymous = Http.to(port);
        admin = anonymous.as("admin", ADMIN_PASSWORD);
    }

    String learner() {
        String username = "l" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(username, "Learner " + username, "@" + username, Set.of(Role.LEARNER), PASSWORD));
        return username;
    }

    @Test
    void an_admin_creates_an_account_and_it_can_sign_in() {
        HttpResponse<String> created = admin.postJson("/api/accounts", """
                {"username":"mentor1","displayName":"Mentor One","handle":"@mentor1","roles":["MENTOR","learner"],
                 "password":"%s"}""".formatted(PASSWORD));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"username\":\"mentor1\"", "\"MENTOR\"", "\"LEARNER\"")
                .doesNotContain("password");
        assertThat(admin.get("/api/accounts").body()).contains("mentor1");
        assertThat(anonymous.as("mentor1", PASSWORD).get("/api/accounts").statusCode()).isEqualTo(403);
    }

    @Test
    void a_duplicate_username_or_handle_gets_409() {
        String taken = learner();
        assertThat(admin.postJson("/api/accounts", """
                {"username":"%s","displayName":"X","handle":"@fresh%s","roles":["LEARNER"],"password":"%s"}"""
                .formatted(taken, taken, PASSWORD)).statusCode()).isEqualTo(409);
        HttpResponse<String> handle = admin.postJson("/api/accounts", """
                {"username":"fresh%s","displayName":"X","handle":"@%s","roles":["LEARNER"],"password":"%s"}"""
                .formatted(taken, taken, PASSWORD));
        assertThat(handle.statusCode()).isEqualTo(409);
        assertThat(handle.body()).contains("\"error\"", "handle");
    }

    @Test
    void bad_input_gets_400_with_the_problem_named() {
        assertThat(admin.postJson("/api/accounts", """
                {"username":"shortpw","displayName":"X","handle":"@shortpw","roles":["LEARNER"],"password":"short"}""")
                .body()).contains("at least 12 characters");
        HttpResponse<String> role = admin.postJson("/api/accounts", """
                {"username":"badrole","displayName":"X","handle":"@badrole","roles":["BOSS"],"password":"%s"}"""
                .formatted(PASSWORD));
        assertThat(role.statusCode()).isEqualTo(400);
        assertThat(role.body()).contains("unknown role 'BOSS'");
        assertThat(admin.postJson("/api/accounts", "{not json").statusCode()).isEqualTo(400);
        HttpResponse<String> missing = admin.postJson("/api/accounts", "{\"username\":\"nopass\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("is required");
        assertThat(admin.postJson("/api/accounts", """
                {"username":"Bad Name","displayName":"X","handle":"@x1","roles":["LEARNER"],"password":"%s"}"""
                .formatted(PASSWORD)).body()).contains("username must be");
    }

    @Test
    void an_admin_patches_roles_and_disables_an_account() {
        String username = learner();
        HttpResponse<String> patched = admin.patchJson("/api/accounts/" + username,
                "{\"roles\":[\"MENTOR\"],\"displayName\":\"Renamed\"}");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(patched.body()).contains("\"roles\":[\"MENTOR\"]", "Renamed");

        assertThat(admin.patchJson("/api/accounts/" + username, "{\"enabled\":false}").statusCode()).isEqualTo(200);
        assertThat(anonymous.as(username, PASSWORD).get("/api/roadmaps").statusCode()).isEqualTo(401);
        assertThat(admin.patchJson("/api/accounts/nobody-here", "{\"enabled\":false}").statusCode()).isEqualTo(404);
    }

    @Test
    void the_last_enabled_admin_cannot_be_disabled() {
        HttpResponse<String> answer = admin.patchJson("/api/accounts/admin", "{\"enabled\":false}");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("last enabled admin");
    }

    @Test
    void a_learner_gets_403_on_admin_endpoints() {
        Http learner = anonymous.as(learner(), PASSWORD);
        assertThat(learner.get("/api/accounts").statusCode()).isEqualTo(403);
        assertThat(learner.postJson("/api/accounts", "{}").statusCode()).isEqualTo(403);
        assertThat(learner.patchJson("/api/accounts/admin", "{\"enabled\":false}").statusCode()).isEqualTo(403);
    }

    @Test
    void anonymous_gets_401_on_the_api_with_a_json_error() {
        for (String path : new String[] {"/api/accounts", "/api/anything", "/api/roadmaps"}) {
            HttpResponse<String> answer = anonymous.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
            assertThat(answer.body()).contains("\"error\"");
        }
        assertThat(anonymous.as("admin", "wrong-password-here").get("/api/accounts").statusCode()).isEqualTo(401);
    }

    @Test
    void the_api_keeps_no_session() {
        HttpResponse<String> answer = admin.get("/api/accounts");
        assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
    }

    @Test
    void repeated_failed_sign_ins_lock_the_account_even_for_the_right_password() {
        String username = learner();
        Http wrong = anonymous.as(username, "not-the-password-at-all");
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            assertThat(wrong.get("/api/accounts").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = anonymous.as(username, PASSWORD).get("/api/accounts");
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(locked.body()).contains("Too many failed sign-ins");

        // another account is not affected
        assertThat(anonymous.as(learner(), PASSWORD).get("/api/accounts").statusCode()).isEqualTo(403);
    }
}
