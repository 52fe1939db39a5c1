package ladder.webapp.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import ladder.labs.runtime.LabRuntime;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import ladder.webapp.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A session that reaches its lab's time limit is stopped by the runtime, stored as stopped with the reason,
 * leaves no process, and frees the learner's slot; on a catalog of the web app's tests with a 6 s lab.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ladder.labs.catalog=src/test/resources/labs-catalog")
class LabsTimeLimitTest {

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired LabRuntime runtime;

    @Test
    void a_session_at_its_time_limit_is_stopped_stored_with_the_reason_and_frees_the_slot() throws Exception {
        String username = "tquick" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(username, "Quick", "@" + username, EnumSet.of(Role.LEARNER), LabsApiTest.PASSWORD));
        Http http = Http.to(port).as(username, LabsApiTest.PASSWORD);

        HttpResponse<String> started = http.post("/api/labs/quick/sessions", "application/json", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = LabsApiTest.field(started.body(), "sessionId");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String state;
        do {
            Thread.sleep(250);
            state = http.get("/api/labs/sessions/" + id).body();
        } while (!LabsApiTest.sessionState(state).equals("stopped") && Instant.now().isBefore(deadline));

        assertThat(state).contains("\"state\":\"stopped\"", "time limit", "\"endedAt\":\"");
        assertThat(runtime.activeSessions()).noneMatch(session -> session.id().equals(id));
        HttpResponse<String> again = http.post("/api/labs/quick/sessions", "application/json", "");
        assertThat(again.statusCode()).as("the slot is free again: " + again.body()).isEqualTo(202);
        http.delete("/api/labs/sessions/" + LabsApiTest.field(again.body(), "sessionId"));
    }
}
