package ladder.webapp.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Lab sessions through the API, for tests outside the labs feature that need one running. */
public final class LabSessions {

    private LabSessions() {}

    /** Starts a session of {@code lab} as {@code learner} and returns its id once it is ready (60 s at most). */
    public static String startReady(Http learner, String lab) throws InterruptedException {
        HttpResponse<String> started = learner.post("/api/labs/" + lab + "/sessions", "application/json", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String session = started.body().replaceAll(".*\"sessionId\":\"([^\"]+)\".*", "$1");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!learner.get("/api/labs/sessions/" + session).body()
                .matches("(?s).*\"owner\":\"[^\"]*\",\"state\":\"ready\".*")) {
            assertThat(Instant.now()).as(lab + " ready within 60 s").isBefore(deadline);
            Thread.sleep(200);
        }
        return session;
    }
}
