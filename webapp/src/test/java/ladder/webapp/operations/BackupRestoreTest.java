package ladder.webapp.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipInputStream;
import ladder.webapp.LadderApplication;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import ladder.webapp.roadmap.RoadmapService;
import ladder.webapp.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded database's backup round trip: {@code POST /api/backup} while the app runs, {@code ./ladder
 * restore FILE} into a fresh data directory, Ladder started on it finds every account, roadmap and
 * assessment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ladder.data-dir=target/backup-test/source-${random.uuid}",
        "spring.datasource.url=jdbc:h2:file:${ladder.data-path}/ladder;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"})
class BackupRestoreTest {

    static final String ADMIN = "Admin-password-for-tests-1";
    static final String PASSWORD = "a-long-enough-password";

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Value("${ladder.data-path}") String dataPath;

    @Test
    void a_backup_taken_while_the_app_runs_restores_into_a_fresh_data_directory_with_everything_in_it() throws Exception {
        String learner = "b" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(learner, "Backed Up", "@" + learner, Set.of(Role.LEARNER), PASSWORD));
        Http admin = Http.to(port).as("admin", ADMIN);
        String roadmap = "backed-up-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("/api/roadmaps?name=" + roadmap, "text/vnd.graphviz", "digraph { kept -> too }")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> claim = Http.to(port).as(learner, PASSWORD).postJson("/api/participants/@" + learner
                + "/assessments", "{\"topic\":\"metrics\",\"rung\":\"data\",\"evidence\":\"notes\",\"note\":\"n\"}");
        assertThat(claim.statusCode()).as(claim.body()).isIn(200, 201);

        assertThat(Http.to(port).as(learner, PASSWORD).post("/api/backup", "application/json", "").statusCode())
                .isEqualTo(403);
        HttpResponse<byte[]> backup = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/backup"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(backup.statusCode()).isEqualTo(200);
        assertThat(backup.headers().firstValue("Content-Disposition").orElse("")).contains("ladder-backup-");
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(backup.body()))) {
            assertThat(zip.getNextEntry().getName()).isEqualTo("ladder.mv.db");
        }
        Path file = Path.of("target/backup-test").toAbsolutePath().resolve("backup-" + UUID.randomUUID() + ".zip");
        Files.write(file, backup.body());
        Path restored = Path.of("target/backup-test").toAbsolutePath().resolve("restored-" + UUID.randomUUID());

        ProcessBuilder restore = new ProcessBuilder("bash", Path.of("..", "ladder").toAbsolutePath().toString(),
                "restore", file.toString()).redirectErrorStream(true);
        restore.environment().put("LADDER_DATA_DIR", restored.toString());
        restore.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = restore.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        try (ConfigurableApplicationContext fresh = new SpringApplicationBuilder(LadderApplication.class).run(
                "--server.port=0", "--ladder.data-dir=" + restored,
                "--spring.datasource.url=jdbc:h2:file:" + restored + "/ladder;DB_CLOSE_ON_EXIT=FALSE")) {
            assertThat(fresh.getBean(AccountService.class).find(learner)).isPresent();
            assertThat(fresh.getBean(RoadmapService.class).list()).anySatisfy(r -> assertThat(r.name()).isEqualTo(roadmap));
            assertThat(fresh.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from ladder_assessment a join account p on p.id = a.learner_id where p.username = ?",
                    Integer.class, learner)).isEqualTo(1);
        }
        assertThat(Path.of(dataPath)).isDirectory();
    }
}
