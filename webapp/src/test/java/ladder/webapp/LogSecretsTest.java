package ladder.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import ladder.webapp.account.AccountService;
import ladder.webapp.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With JSON logs on ({@code LADDER_LOG_FORMAT=ecs}) and security and web logging at DEBUG: a request's log
 * line carries its trace and span ids, and after failed and successful sign-ins, account creation, a
 * password reset and a password change, making and using a personal access token, no log line holds a
 * password, a password hash, a token's secret or its hash, a session id or an {@code Authorization} header.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.structured.format.console=ecs",
        "logging.level.org.springframework.security=DEBUG",
        "logging.level.org.springframework.web=DEBUG",
        "logging.level.ladder=DEBUG"})
class LogSecretsTest {

    static final String ADMIN = "Admin-password-for-tests-1";

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired JdbcTemplate jdbc;

    @Test
    void json_lines_carry_trace_ids_and_no_secret_reaches_the_log(CapturedOutput output) throws Exception {
        String username = "log" + UUID.randomUUID().toString().substring(0, 8);
        String first = "First-secret-password-" + UUID.randomUUID().toString().substring(0, 6);
        String reset = "Reset-secret-password-" + UUID.randomUUID().toString().substring(0, 6);
        String changed = "Changed-secret-password-" + UUID.randomUUID().toString().substring(0, 6);
        String wrong = "Wrong-secret-password-" + UUID.randomUUID().toString().substring(0, 6);
        Http admin = Http.to(port).as("admin", ADMIN);

        assertThat(admin.postJson("/api/accounts", """
                {"username":"%s","displayName":"Logged","handle":"@%s","roles":["LEARNER"],"password":"%s"}"""
                .formatted(username, username, first)).statusCode()).isEqualTo(201);
        String firstHash = jdbc.queryForObject("select password_hash from account where username = ?", String.class, username);
        assertThat(Http.to(port).as(username, wrong).get("/api/roadmaps").statusCode()).isEqualTo(401);
        assertThat(Http.to(port).as("nobody-" + username, wrong).get("/api/roadmaps").statusCode()).isEqualTo(401);
        assertThat(Http.to(port).as(username, first).get("/api/roadmaps").statusCode()).isEqualTo(200);
        assertThat(admin.patchJson("/api/accounts/" + username, "{\"password\":\"" + reset + "\"}").statusCode()).isEqualTo(200);
        accounts.changeOwnPassword(username, reset, changed);
        String changedHash = jdbc.queryForObject("select password_hash from account where username = ?", String.class, username);
        HttpResponse<String> made = Http.to(port).as(username, changed).postJson("/api/tokens",
                "{\"name\":\"logged\",\"expiresInDays\":1,\"scope\":\"write\"}");
        assertThat(made.statusCode()).isEqualTo(201);
        String token = made.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        assertThat(token).startsWith("ldr_pat_");
        assertThat(Http.to(port).withToken(token).get("/api/tokens").statusCode()).isEqualTo(200);
        assertThat(Http.to(port).withToken(token + "x").get("/api/tokens").statusCode()).isEqualTo(401);
        String tokenHash = jdbc.queryForObject("select secret_hash from access_token where name = 'logged'", String.class);
        assertThat(admin.post("/api/roadmaps?name=logged-" + username, "text/vnd.graphviz", "digraph { a -> b }")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        List<String> sessions = new ArrayList<>();
        page.headers().allValues("set-cookie").forEach(c -> sessions.add(c.replaceAll("^[^=]+=([^;]+).*", "$1")));

        String log = output.getAll();
        List<String> secrets = new ArrayList<>(List.of(first, reset, changed, wrong, ADMIN, firstHash, changedHash,
                token, token.substring("ldr_pat_".length()), tokenHash,
                firstHash.replaceFirst("^\\{[a-z0-9]+}", ""), changedHash.replaceFirst("^\\{[a-z0-9]+}", ""),
                Base64.getEncoder().encodeToString((username + ":" + first).getBytes(StandardCharsets.UTF_8)),
                Base64.getEncoder().encodeToString(("admin:" + ADMIN).getBytes(StandardCharsets.UTF_8))));
        secrets.addAll(sessions);
        for (String secret : secrets) {
            assertThat(log).as("a secret in the log").doesNotContain(secret);
        }
        assertThat(log).doesNotContainIgnoringCase("authorization: basic").doesNotContainIgnoringCase("authorization: bearer")
                .doesNotContain("\"Authorization\"");
        // Spring MVC logs the answer's toString at DEBUG (cut after 100 characters; whole at TRACE)
        assertThat(log).as("the new token's answer was logged without its secret").contains("CreatedJson[token=(never logged)");

        String created = log.lines().filter(l -> l.contains("created: 2 goals")).findFirst().orElseThrow();
        assertThat(created).startsWith("{").contains("\"traceId\":\"").contains("\"spanId\":\"");
    }
}
