package ladder.webapp.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ladder.webapp.support.Http;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The first start creates user admin, with LADDER_ADMIN_PASSWORD or a random password shown once. */
class FirstAdminTest {

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "ladder.accounts.admin-password=Configured-admin-pw-42")
    class WithConfiguredPassword {

        @LocalServerPort int port;
        @Autowired AccountService accounts;

        @Test
        void admin_signs_in_with_the_configured_password_and_is_the_only_account() {
            assertThat(accounts.list()).extracting(AccountView::username).containsExactly("admin");
            assertThat(accounts.find("admin").orElseThrow().roles()).containsExactly(Role.ADMIN);
            assertThat(Http.to(port).as("admin", "Configured-admin-pw-42").get("/api/accounts").statusCode())
                    .isEqualTo(200);
        }
    }

    @Nested
    @ExtendWith(OutputCaptureExtension.class)
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "ladder.accounts.admin-password=")
    class WithoutPassword {

        @LocalServerPort int port;
        @Autowired FirstAdmin firstAdmin;

        @Test
        void a_random_password_is_printed_once_and_works(CapturedOutput output) throws Exception {
            // the capture starts before the Spring context does, so the start-up log is in it
            String log = output.getAll();
            Matcher password = Pattern.compile("password: (\\S{20})").matcher(log);
            assertThat(password.find()).as("the generated password is in the log").isTrue();
            assertThat(Http.to(port).as("admin", password.group(1)).get("/api/accounts").statusCode()).isEqualTo(200);

            int before = output.getAll().split("password: ", -1).length;
            firstAdmin.run(new DefaultApplicationArguments());
            assertThat(output.getAll().split("password: ", -1).length).as("printed only once").isEqualTo(before);
        }
    }
}
