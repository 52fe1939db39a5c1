package ladder.webapp.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import ladder.webapp.LadderApplication;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import ladder.webapp.roadmap.RoadmapService;
import ladder.webapp.support.Http;
import ladder.webapp.support.TestPostgres;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The PostgreSQL round trip documented in docs/operations.md: {@code pg_dump --format=custom} of Ladder's
 * schema while it runs, the schema dropped, {@code pg_restore}, and Ladder started on the restored schema
 * finds every account, roadmap and assessment. (On the test server each context has a schema of its own;
 * a team dumps the whole database the same way.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(TestPostgres.class)
class PostgresBackupRestoreTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired JdbcTemplate jdbc;
    @Value("${spring.datasource.url}") String url;
    @Value("${spring.datasource.username}") String username;
    @Value("${spring.datasource.password}") String password;
    @Value("${spring.flyway.default-schema}") String schema;

    @Test
    void pg_dump_and_pg_restore_bring_back_every_account_roadmap_and_assessment() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/pg_dump")) && System.getenv("LADDER_TEST_POSTGRES_URL") != null,
                "SKIPPED: needs pg_dump and the PostgreSQL of LADDER_TEST_POSTGRES_URL (.ci/run provides both)");
        String learner = "p" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(learner, "Dumped", "@" + learner, Set.of(Role.LEARNER), "a-long-enough-password"));
        Http admin = Http.to(port).as("admin", "Admin-password-for-tests-1");
        String roadmap = "dumped-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("/api/roadmaps?name=" + roadmap, "text/vnd.graphviz", "digraph { a -> b }").statusCode())
                .isEqualTo(201);
        assertThat(Http.to(port).as(learner, "a-long-enough-password").postJson("/api/participants/@" + learner
                + "/assessments", "{\"topic\":\"metrics\",\"rung\":\"data\",\"evidence\":\"e\",\"note\":\"n\"}")
                .statusCode()).isIn(200, 201);

        URI server = URI.create(url.substring("jdbc:".length()).replaceAll("\\?.*", ""));
        String database = server.getPath().substring(1);
        Path dump = Files.createTempFile("ladder-", ".dump");
        run(List.of("/usr/bin/pg_dump", "--format=custom", "--schema=" + schema, "--file=" + dump, "--host=" + server.getHost(),
                "--port=" + server.getPort(), "--username=" + username, database));
        jdbc.execute("drop schema " + schema + " cascade");
        run(List.of("/usr/bin/pg_restore", "--host=" + server.getHost(), "--port=" + server.getPort(),
                "--username=" + username, "--dbname=" + database, dump.toString()));

        try (ConfigurableApplicationContext restored = new SpringApplicationBuilder(LadderApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + username,
                "--spring.datasource.password=" + password, "--spring.flyway.schemas=" + schema,
                "--spring.flyway.default-schema=" + schema)) {
            assertThat(restored.getBean(AccountService.class).find(learner)).isPresent();
            assertThat(restored.getBean(RoadmapService.class).list()).anySatisfy(r -> assertThat(r.name()).isEqualTo(roadmap));
            assertThat(restored.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from ladder_assessment where learner_handle = ?", Integer.class, "@" + learner))
                    .isEqualTo(1);
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    private void run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }
}
