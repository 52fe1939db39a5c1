package ladder.webapp.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import ladder.model.roadmap.DotImporter;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import ladder.webapp.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code /api/roadmaps} through the real filter chains: every answer of DESIGN.md, and hostile DOT refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoadmapApiTest {

    static final String ADMIN_PASSWORD = "Admin-password-for-tests-1";
    static final String PASSWORD = "a-long-enough-password";
    static final String DOT = "text/vnd.graphviz";
    static final String SMALL = """
            digraph { rankdir=LR;
              plan [status=done, participants="@%s", tooltip="Plan it"];
              build [participants="@%s"];
              plan -> build;
            }
            """;

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired DotRunner renderer;
    @Autowired JdbcTemplate jdbc;
    Http anonymous;
    Http admin;

    @BeforeEach
    void clients() {
        anonymous = Http.to(port);
        admin = anonymous.as("admin", ADMIN_PASSWORD);
    }

    String account(Role role) {
        String username = role.name().toLowerCase().charAt(0) + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewAccount(username, "Person " + username, "@" + username, Set.of(role), PASSWORD));
        return username;
    }

    static String name() {
        return "api-" + UUID.randomUUID().toString().substring(0, 8);
    }

    long create(Http as, String name, String dot) {
        HttpResponse<String> created = as.post("/api/roadmaps?name=" + name, DOT, dot);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String body = created.body();
        return Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
    }

    @Test
    void everyone_signed_in_lists_the_roadmaps_with_their_counts() {
        Http learner = anonymous.as(account(Role.LEARNER), PASSWORD);
        HttpResponse<String> list = learner.get("/api/roadmaps");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"name\":\"Team roadmap\"", "\"goals\":9", "\"dependencies\":9");
    }

    @Test
    void a_mentor_creates_replaces_and_exports_a_roadmap() {
        Http mentor = anonymous.as(account(Role.MENTOR), PASSWORD);
        String name = name();
        HttpResponse<String> created = mentor.post("/api/roadmaps?name=" + name, DOT, SMALL.formatted("ada", "bob"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/api/roadmaps/"));
        assertThat(created.body()).contains("\"name\":\"" + name + "\"", "\"goals\":2", "\"dependencies\":1");
        long id = Long.parseLong(created.body().replaceAll(".*\"id\":(\\d+).*", "$1"));

        HttpResponse<String> replaced = mentor.put("/api/roadmaps/" + id, DOT, "digraph { a -> b -> c }");
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.body()).contains("\"goals\":3", "\"dependencies\":2");

        HttpResponse<String> gv = mentor.get("/api/roadmaps/" + id + "/export/gv");
        assertThat(gv.statusCode()).isEqualTo(200);
        assertThat(gv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith(DOT));
        assertThat(RoadmapService.parse(gv.body()).goals()).hasSize(3);
        HttpResponse<String> svg = mentor.get("/api/roadmaps/" + id + "/export/svg");
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.body()).contains("<svg", "<title>a</title>").doesNotContain("<script");
        assertThat(mentor.get("/api/roadmaps/" + id + "/export/md").body()).startsWith("| goal");
        assertThat(mentor.get("/api/roadmaps/" + id + "/export/json").body()).contains("\"id\":\"c\"", "\"waitingOn\":[\"b\"]");
        assertThat(mentor.get("/api/roadmaps/" + id + "/export/pdf").statusCode()).isEqualTo(400);
    }

    @Test
    void refused_dot_gets_400_with_line_and_column_and_nothing_is_stored() {
        Http mentor = anonymous.as(account(Role.MENTOR), PASSWORD);
        String name = name();
        HttpResponse<String> refused = mentor.post("/api/roadmaps?name=" + name, DOT, "digraph {\n  a -> ;\n}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"error\":\"line 2", "\"line\":2", "\"column\":");
        assertThat(admin.get("/api/roadmaps").body()).doesNotContain(name);

        HttpResponse<String> cycle = mentor.post("/api/roadmaps?name=" + name, DOT, "digraph { a -> b -> c -> a }");
        assertThat(cycle.statusCode()).isEqualTo(400);
        assertThat(cycle.body()).contains("a -> b -> c -> a");
        assertThat(mentor.post("/api/roadmaps?name=%20", DOT, "digraph { a }").statusCode()).isEqualTo(400);
    }

    @Test
    void anonymous_gets_401_and_a_learner_403_on_writes() {
        assertThat(anonymous.get("/api/roadmaps").statusCode()).isEqualTo(401);
        assertThat(anonymous.post("/api/roadmaps?name=x", DOT, "digraph { a }").statusCode()).isEqualTo(401);
        Http learner = anonymous.as(account(Role.LEARNER), PASSWORD);
        assertThat(learner.post("/api/roadmaps?name=" + name(), DOT, "digraph { a }").statusCode()).isEqualTo(403);
        long team = teamRoadmap();
        assertThat(learner.put("/api/roadmaps/" + team, DOT, "digraph { a }").statusCode()).isEqualTo(403);
        assertThat(admin.get("/api/roadmaps").body()).contains("\"goals\":9");
    }

    @Test
    void a_learner_patches_the_status_of_a_goal_they_take_part_in_and_no_other() {
        String learnerName = account(Role.LEARNER);
        Http learner = anonymous.as(learnerName, PASSWORD);
        long id = create(admin, name(), SMALL.formatted(learnerName, "someone"));

        HttpResponse<String> patched = learner.patchJson("/api/roadmaps/" + id + "/goals/plan", "{\"status\":\"in_progress\"}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(patched.body()).contains("\"status\":\"in_progress\"");

        HttpResponse<String> notTheirs = learner.patchJson("/api/roadmaps/" + id + "/goals/build", "{\"status\":\"done\"}");
        assertThat(notTheirs.statusCode()).isEqualTo(403);
        assertThat(notTheirs.body()).contains("do not take part");
        assertThat(learner.patchJson("/api/roadmaps/" + id + "/goals/plan", "{\"participants\":[\"@x\"]}").statusCode())
                .isEqualTo(403);
        assertThat(admin.get("/api/roadmaps/" + id + "/export/json").body()).contains("\"in_progress\"");
    }

    @Test
    void a_mentor_patches_participants_and_gets_400_404_and_409_where_due() {
        Http mentor = anonymous.as(account(Role.MENTOR), PASSWORD);
        long id = create(mentor, name(), SMALL.formatted("ada", "bob"));

        HttpResponse<String> patched = mentor.patchJson("/api/roadmaps/" + id + "/goals/build",
                "{\"participants\":[\"@bob\",\"carol\"]}");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(patched.body()).contains("[\"@bob\",\"@carol\"]");
        long version = Long.parseLong(patched.body().replaceAll(".*\"version\":(\\d+).*", "$1"));

        assertThat(mentor.patchJson("/api/roadmaps/" + id + "/goals/build", "{\"status\":\"finished\"}").statusCode()).isEqualTo(400);
        assertThat(mentor.patchJson("/api/roadmaps/" + id + "/goals/build", "{").statusCode()).isEqualTo(400);
        assertThat(mentor.patchJson("/api/roadmaps/" + id + "/goals/nope", "{\"status\":\"done\"}").statusCode()).isEqualTo(404);
        assertThat(mentor.patchJson("/api/roadmaps/999999/goals/build", "{\"status\":\"done\"}").statusCode()).isEqualTo(404);
        assertThat(mentor.get("/api/roadmaps/999999/export/gv").statusCode()).isEqualTo(404);
        assertThat(mentor.put("/api/roadmaps/999999", DOT, "digraph { a }").statusCode()).isEqualTo(404);

        assertThat(mentor.patchJson("/api/roadmaps/" + id + "/goals/build",
                "{\"status\":\"done\",\"version\":" + version + "}").statusCode()).isEqualTo(200);
        HttpResponse<String> stale = mentor.patchJson("/api/roadmaps/" + id + "/goals/build",
                "{\"status\":\"failed\",\"version\":" + version + "}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("changed by someone else");
    }

    @Test
    void a_taken_name_gets_409() {
        String name = name();
        create(admin, name, "digraph { a }");
        HttpResponse<String> again = admin.post("/api/roadmaps?name=" + name, DOT, "digraph { b }");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already exists");
    }

    @Test
    void too_large_input_gets_413_and_nothing_is_stored() {
        String name = name();
        String huge = "digraph {\n" + "// padding padding padding padding padding padding padding\n".repeat(20_000) + "a }";
        assertThat(huge.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(DotImporter.MAX_BYTES);
        HttpResponse<String> tooBig = admin.post("/api/roadmaps?name=" + name, DOT, huge);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body()).contains("\"error\"", "1 MiB");

        StringBuilder goals = new StringBuilder("digraph {\n");
        for (int i = 0; i <= DotImporter.MAX_GOALS; i++) {
            goals.append("g").append(i).append(";\n");
        }
        HttpResponse<String> tooMany = admin.post("/api/roadmaps?name=" + name, DOT, goals.append("}").toString());
        assertThat(tooMany.statusCode()).isEqualTo(413);

        StringBuilder edges = new StringBuilder("digraph {\n");
        for (int i = 0; i <= DotImporter.MAX_EDGES; i++) {
            edges.append("a").append(i % 150).append(" -> b").append(i / 150).append(";\n");
        }
        assertThat(admin.post("/api/roadmaps?name=" + name, DOT, edges.append("}").toString()).statusCode()).isEqualTo(413);
        assertThat(admin.get("/api/roadmaps").body()).doesNotContain(name);
    }

    @Test
    void hostile_dot_is_refused_before_dot_runs_and_never_reads_a_file_of_the_server(@TempDir Path outside) throws IOException {
        String secret = "CANARY-" + UUID.randomUUID();
        Path canary = Files.writeString(outside.resolve("canary.txt"), secret);
        Path control = Files.writeString(outside.resolve("control.txt"), secret);
        FileTime old = FileTime.from(Instant.now().minus(3, ChronoUnit.DAYS));
        Files.setAttribute(canary, "lastAccessTime", old);
        Files.setAttribute(control, "lastAccessTime", old);

        List<String> hostile = new ArrayList<>();
        Path corpus = Path.of("../ladder-model/src/test/resources/dot/refused");
        if (Files.isDirectory(corpus)) {
            try (Stream<Path> files = Files.list(corpus)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".gv")).sorted().toList()) {
                    hostile.add(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                            .replace("/etc/passwd", canary.toString()).replace("/etc", outside.toString()));
                }
            }
        }
        String c = canary.toString();
        String dir = outside.toString();
        hostile.addAll(List.of(
                "digraph { a [image=\"" + c + "\"]; }",
                "digraph { a [shape=custom, shapefile=\"" + c + "\"]; }",
                "digraph { imagepath=\"" + dir + "\"; a [image=\"canary.txt\"]; }",
                "digraph { fontpath=\"" + dir + "\"; a; }",
                "digraph { a [label=<<TABLE><TR><TD><IMG SRC=\"" + c + "\"/></TD></TR></TABLE>>]; }",
                "digraph { node [image=\"" + c + "\"]; a; }",
                "digraph { a [URL=\"javascript:alert(1)\"]; }",
                "digraph { a [fontname=\"" + c + "\"]; }",
                "digraph { subgraph cluster_x { b [image=\"" + c + "\"]; } }"));
        assertThat(hostile).hasSizeGreaterThan(30);

        long runsBefore = renderer.runs();
        for (String dot : hostile) {
            String name = name();
            HttpResponse<String> answer = admin.post("/api/roadmaps?name=" + name, DOT, dot);
            assertThat(answer.statusCode()).as(dot).isIn(400, 413);
            assertThat(answer.body()).as(dot).contains("\"error\"").doesNotContain(secret);
            HttpResponse<String> replace = admin.put("/api/roadmaps/" + teamRoadmap(), DOT, dot);
            assertThat(replace.statusCode()).as(dot).isIn(400, 413);
        }
        assertThat(renderer.runs()).as("refused before Graphviz ever ran").isEqualTo(runsBefore);
        assertThat(admin.get("/api/roadmaps").body()).contains("\"goals\":9").doesNotContain(secret);
        assertThat(admin.get("/api/roadmaps/" + teamRoadmap() + "/export/svg").body()).doesNotContain(secret);

        assertThat(Files.readAttributes(canary, BasicFileAttributes.class).lastAccessTime()).isEqualTo(old);
        // the control file shows that this file system records reads at all
        Files.readString(control);
        assertThat(Files.readAttributes(control, BasicFileAttributes.class).lastAccessTime()).isNotEqualTo(old);
    }

    long teamRoadmap() {
        String list = admin.get("/api/roadmaps").body();
        return Long.parseLong(list.replaceAll(".*\"id\":(\\d+),\"name\":\"Team roadmap\".*", "$1"));
    }

    @Test
    void a_damaged_roadmap_is_listed_with_its_damage_answers_409_and_is_restored_by_a_mentor() {
        String mentor = account(Role.MENTOR);
        Http asMentor = anonymous.as(mentor, PASSWORD);
        Http learner = anonymous.as(account(Role.LEARNER), PASSWORD);
        long id = create(asMentor, name(), "digraph { plan -> build }");
        // what a hand-made change in the database leaves behind; the version moves as any write's would
        jdbc.update("update roadmap set dot = 'digraph { plan -> ; }', version = version + 1 where id = ?", id);

        HttpResponse<String> list = learner.get("/api/roadmaps");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"id\":" + id + ",").contains("\"damage\":").contains("\"goals\":9");
        HttpResponse<String> read = learner.get("/api/roadmaps/" + id + "/export/gv");
        assertThat(read.statusCode()).isEqualTo(409);
        assertThat(read.body()).contains("is damaged", "/restore");
        assertThat(learner.post("/api/roadmaps/" + id + "/restore", "application/json", "").statusCode()).isEqualTo(403);

        HttpResponse<String> restored = asMentor.post("/api/roadmaps/" + id + "/restore", "application/json", "");
        assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
        assertThat(restored.body()).contains("\"goals\":2").doesNotContain("damage");
        assertThat(learner.get("/api/roadmaps/" + id + "/export/gv").body()).contains("plan -> build");
        assertThat(asMentor.post("/api/roadmaps/" + id + "/restore", "application/json", "").statusCode()).isEqualTo(400);
    }

    @Test
    void a_patch_with_a_control_character_is_refused_with_400_and_the_roadmap_still_reads() {
        String mentor = account(Role.MENTOR);
        Http asMentor = anonymous.as(mentor, PASSWORD);
        long id = create(asMentor, name(), "digraph { plan -> build }");

        for (String participants : List.of("[\"@a\\u0000b\"]", "[\"@a\\u0007b\"]", "[\"@a\\u001fb\"]")) {
            HttpResponse<String> answer = asMentor.patchJson("/api/roadmaps/" + id + "/goals/plan",
                    "{\"participants\":" + participants + "}");
            assertThat(answer.statusCode()).as(participants + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.body()).contains("\"error\"");
        }
        assertThat(asMentor.get("/api/roadmaps").statusCode()).isEqualTo(200);
        assertThat(asMentor.get("/api/roadmaps/" + id + "/export/gv").body()).contains("plan -> build")
                .doesNotContain("@a");
    }

    @Test
    void a_file_declared_latin1_is_imported_as_unicode_and_exported_without_the_charset() {
        byte[] latin1 = "digraph { charset=latin1; caf\u00e9 [label=\"Caf\u00e9 cr\u00e8me\"]; caf\u00e9 -> b; }"
                .getBytes(StandardCharsets.ISO_8859_1);
        String name = name();
        HttpResponse<String> created = admin.postBytes("/api/roadmaps?name=" + name, DOT, latin1);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = Long.parseLong(created.body().replaceAll(".*\"id\":(\\d+).*", "$1"));

        String exported = admin.get("/api/roadmaps/" + id + "/export/gv").body();
        assertThat(exported).contains("caf\u00e9", "Caf\u00e9 cr\u00e8me").doesNotContainIgnoringCase("charset");
        assertThat(admin.get("/api/roadmaps/" + id + "/export/svg").body()).contains("Caf\u00e9 cr\u00e8me");

        HttpResponse<String> undeclared = admin.postBytes("/api/roadmaps?name=" + name(), DOT,
                "digraph { caf\u00e9 }".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(undeclared.statusCode()).isEqualTo(400);
        assertThat(undeclared.body()).contains("not valid UTF-8", "\"line\":1");
    }
}
