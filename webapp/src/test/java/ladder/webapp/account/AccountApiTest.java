package ladder.webapp.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;
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

    @Test
    void a_username_or_handle_that_differs_only_in_case_is_taken() {
        String taken = learner();
        HttpResponse<String> handle = admin.postJson("/api/accounts", """
                {"username":"x%s","displayName":"X","handle":"@%s","roles":["LEARNER"],"password":"%s"}"""
                .formatted(taken, taken.toUpperCase(), PASSWORD));
        assertThat(handle.statusCode()).as(handle.body()).isEqualTo(409);
        assertThat(handle.body()).contains("handle", "ignoring case");

        String other = learner();
        HttpResponse<String> renamed = admin.patchJson("/api/accounts/" + other,
                "{\"handle\":\"@" + taken.substring(0, 1).toUpperCase() + taken.substring(1) + "\"}");
        assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(409);
    }

    @Test
    void with_two_enabled_admins_one_can_be_disabled_and_then_the_other_cannot() {
        String second = "a" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(second, "Second admin", "@" + second, Set.of(Role.ADMIN), PASSWORD));
        try {
            HttpResponse<String> demoted = admin.patchJson("/api/accounts/" + second, "{\"roles\":[\"LEARNER\"]}");
            assertThat(demoted.statusCode()).as(demoted.body()).isEqualTo(200);
            assertThat(admin.patchJson("/api/accounts/" + second, "{\"roles\":[\"ADMIN\"]}").statusCode()).isEqualTo(200);
            HttpResponse<String> disabled = admin.patchJson("/api/accounts/" + second, "{\"enabled\":false}");
            assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);

            HttpResponse<String> last = admin.patchJson("/api/accounts/admin", "{\"roles\":[\"MENTOR\"]}");
            assertThat(last.statusCode()).isEqualTo(400);
            assertThat(last.body()).contains("last enabled admin");
        } finally {
            accounts.update(second, new AccountChanges(null, null, Set.of(Role.LEARNER), false, null));
        }
    }

    @Test
    void concurrent_creation_of_one_account_answers_201_once_and_409_to_the_others() {
        String username = "c" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"username":"%s","displayName":"Racer","handle":"@%s","roles":["LEARNER"],"password":"%s"}"""
                .formatted(username, username, PASSWORD);
        List<HttpResponse<String>> answers = concurrently(8, () -> admin.postJson("/api/accounts", body));

        assertThat(answers).filteredOn(a -> a.statusCode() == 201).hasSize(1);
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.statusCode()).as(a.body()).isIn(201, 409);
            assertThat(a.body()).contains("\"");
        });
        assertThat(answers).filteredOn(a -> a.statusCode() == 409).allSatisfy(a -> assertThat(a.body()).contains("\"error\""));
    }

    @Test
    void concurrent_edits_of_one_account_answer_200_or_409_with_a_json_error() {
        String username = learner();
        List<HttpResponse<String>> answers = concurrently(8, () -> admin.patchJson("/api/accounts/" + username,
                "{\"displayName\":\"Edit " + UUID.randomUUID() + "\",\"roles\":[\"LEARNER\",\"MENTOR\"]}"));

        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isIn(200, 409));
        assertThat(answers).filteredOn(a -> a.statusCode() == 409)
                .allSatisfy(a -> assertThat(a.body()).contains("\"error\"", "changed by someone else"));
    }

    @Test
    void a_null_role_gets_400() {
        HttpResponse<String> answer = admin.postJson("/api/accounts", """
                {"username":"nullrole","displayName":"X","handle":"@nullrole","roles":[null],"password":"%s"}"""
                .formatted(PASSWORD));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("\"error\"", "role");
        assertThat(admin.patchJson("/api/accounts/admin", "{\"roles\":[\"ADMIN\",null]}").statusCode()).isEqualTo(400);
    }

    static <T> List<T> concurrently(int threads, Supplier<T> action) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<T>> futures = IntStream.range(0, threads).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return action.get();
        }, Executors.newVirtualThreadPerTaskExecutor())).toList();
        start.countDown();
        return futures.stream().map(CompletableFuture::join).toList();
    }
}
