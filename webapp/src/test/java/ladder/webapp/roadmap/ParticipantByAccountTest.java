package ladder.webapp.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;
import ladder.webapp.account.AccountChanges;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import ladder.webapp.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** "A participant may change the status" goes by account: a handle's spelling neither grants nor denies it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ParticipantByAccountTest {

    static final String PASSWORD = "a-long-enough-password";

    @LocalServerPort int port;
    @Autowired AccountService accounts;

    @Test
    void a_participant_named_in_another_case_is_the_same_account_and_a_renamed_one_is_not_any_more() {
        String learner = "p" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(learner, "P", "@" + learner, Set.of(Role.LEARNER), PASSWORD));
        Http admin = Http.to(port).as("admin", "Admin-password-for-tests-1");
        Http as = Http.to(port).as(learner, PASSWORD);
        HttpResponse<String> created = admin.post("/api/roadmaps?name=p-" + learner, "text/vnd.graphviz",
                "digraph { plan [participants=\"@" + learner.toUpperCase() + "\"]; }");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = Long.parseLong(created.body().replaceAll(".*\"id\":(\\d+).*", "$1"));

        HttpResponse<String> patched = as.patchJson("/api/roadmaps/" + id + "/goals/plan", "{\"status\":\"in_progress\"}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);

        accounts.update(learner, new AccountChanges(null, "@renamed" + learner, null, null, null));
        assertThat(as.patchJson("/api/roadmaps/" + id + "/goals/plan", "{\"status\":\"done\"}").statusCode())
                .isEqualTo(403);
    }
}
