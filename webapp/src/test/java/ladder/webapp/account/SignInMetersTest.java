package ladder.webapp.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ladder.webapp.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Failed sign-ins are counted on {@code /actuator/prometheus}, by result only: never by user name. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignInMetersTest {

    static final Pattern FAILURES = Pattern.compile("ladder_accounts_signins_total\\{[^}]*result=\"failure\"[^}]*} ([0-9.]+)");

    @LocalServerPort int port;

    @Test
    void failed_sign_ins_are_counted_without_the_user_name() {
        Http scraper = Http.to(port).as("scraper", "Scraper-password-for-tests-1");
        double before = failures(scraper.get("/actuator/prometheus").body());

        for (String user : new String[] {"admin", "nobody-metered", "admin"}) {
            assertThat(Http.to(port).as(user, "wrong-password-metered").get("/api/roadmaps").statusCode()).isEqualTo(401);
        }

        String scrape = scraper.get("/actuator/prometheus").body();
        assertThat(failures(scrape) - before).isEqualTo(3.0);
        assertThat(scrape.lines().filter(l -> l.startsWith("ladder_accounts")))
                .noneMatch(l -> l.contains("nobody-metered") || l.contains("admin"));
    }

    private static double failures(String scrape) {
        Matcher m = FAILURES.matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
