package ladder.webapp.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import ladder.webapp.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Actuator exposes health to all, info and prometheus to admins and the scrape account, nothing else. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActuatorAccessTest {

    @LocalServerPort int port;
    @Autowired AccountService accounts;

    @Test
    void health_is_public() {
        assertThat(Http.to(port).get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(Http.to(port).get("/actuator/health").body()).contains("UP");
    }

    @Test
    void prometheus_and_info_need_an_admin_or_the_scrape_account() {
        Http anonymous = Http.to(port);
        assertThat(anonymous.get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/info").statusCode()).isEqualTo(401);

        Http admin = anonymous.as("admin", AccountApiTest.ADMIN_PASSWORD);
        assertThat(admin.get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(admin.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        assertThat(admin.get("/actuator/info").statusCode()).isEqualTo(200);

        Http scraper = anonymous.as("scraper", "Scraper-password-for-tests-1");
        assertThat(scraper.get("/actuator/prometheus").statusCode()).isEqualTo(200);
        assertThat(scraper.get("/api/accounts").statusCode()).isEqualTo(401); // the scrape account is not a person

        accounts.create(new NewAccount("actlearner", "L", "@actlearner", Set.of(Role.LEARNER), "a-long-enough-password"));
        assertThat(anonymous.as("actlearner", "a-long-enough-password").get("/actuator/prometheus").statusCode())
                .isEqualTo(403);
    }

    @Test
    void nothing_else_is_exposed_not_even_to_an_admin() {
        Http anonymous = Http.to(port);
        Http admin = anonymous.as("admin", AccountApiTest.ADMIN_PASSWORD);
        for (String path : new String[] {"/actuator/env", "/actuator/heapdump", "/actuator/beans",
                "/actuator/configprops", "/actuator/loggers", "/actuator/threaddump", "/actuator/mappings"}) {
            assertThat(anonymous.get(path).statusCode()).as(path).isIn(401, 404);
            assertThat(admin.get(path).statusCode()).as(path).isIn(403, 404);
        }
    }

    @Test
    void the_scrape_account_keeps_working_scrape_after_scrape() {
        Http scraper = Http.to(port).as("scraper", "Scraper-password-for-tests-1");
        for (int i = 0; i < 3 * LoginThrottle.FREE_ATTEMPTS; i++) {
            assertThat(scraper.get("/actuator/prometheus").statusCode()).as("scrape " + i).isEqualTo(200);
        }
    }
}
