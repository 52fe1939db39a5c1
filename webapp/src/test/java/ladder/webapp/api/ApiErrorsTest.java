package ladder.webapp.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import ladder.webapp.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Failures nobody mapped still answer as the API does: a status that says what happened and a JSON {error}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ApiErrorsTest.Failing.class)
class ApiErrorsTest {

    static final String ADMIN_PASSWORD = "Admin-password-for-tests-1";

    /** An endpoint that fails in a way no handler knows, as a bug would. */
    @RestController
    static class Failing {
        @GetMapping("/api/test-failure")
        @PreAuthorize("isAuthenticated()")
        String fail() {
            throw new IllegalStateException("ladder.internal.Secret went wrong");
        }
    }

    @LocalServerPort int port;
    Http admin;

    @BeforeEach
    void client() {
        admin = Http.to(port).as("admin", ADMIN_PASSWORD);
    }

    @Test
    void an_unexpected_failure_answers_500_with_a_json_error_that_names_no_internals() {
        HttpResponse<String> answer = admin.get("/api/test-failure");

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).contains("application/json");
        assertThat(answer.body()).contains("\"error\"").doesNotContain("Secret", "IllegalStateException");
    }

    @Test
    void an_unknown_api_path_answers_a_json_404() {
        HttpResponse<String> answer = admin.get("/api/no-such-thing/here");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).contains("application/json");
        assertThat(answer.body()).contains("\"error\"").doesNotContain("<html");
    }

    @Test
    void a_participant_list_is_stored_in_the_roadmaps_dot_and_one_too_large_for_a_roadmap_answers_413() {
        HttpResponse<String> created = admin.post("/api/roadmaps?name=long-" + System.nanoTime(), "text/vnd.graphviz",
                "digraph { plan }");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = Long.parseLong(created.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        String participants = IntStream.range(0, 2_000)
                .mapToObj(i -> "\"@p" + i + "-" + "x".repeat(50) + "\"").collect(Collectors.joining(","));

        HttpResponse<String> stored = admin.patchJson("/api/roadmaps/" + id + "/goals/plan",
                "{\"participants\":[" + participants + "]}");
        assertThat(stored.statusCode()).as("no column limits a goal's participants any more").isEqualTo(200);
        assertThat(admin.get("/api/roadmaps/" + id + "/export/gv").body()).contains("@p1999-");

        String tooMany = IntStream.range(0, 20_000)
                .mapToObj(i -> "\"@q" + i + "-" + "x".repeat(50) + "\"").collect(Collectors.joining(","));
        HttpResponse<String> refused = admin.patchJson("/api/roadmaps/" + id + "/goals/plan",
                "{\"participants\":[" + tooMany + "]}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
        assertThat(refused.body()).contains("\"error\"", "too large to store");
        assertThat(admin.get("/api/roadmaps/" + id + "/export/gv").body()).contains("@p1999-").doesNotContain("@q");
    }
}
