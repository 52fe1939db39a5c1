package ladder.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The API under load, from outside: starts the packaged jar ({@code target/ladder.jar}) on a fresh data directory,
 * seeds a 200-goal roadmap, a small roadmap for the writes and two learners, then drives, one step after the
 * other at 1, 10 and 50 concurrent clients (closed model: a client sends its next request when the answer came),
 * {@code /actuator/health} as the reference and each API call with HTTP Basic and with a personal access token.
 * Every step lasts {@code bench.api.seconds} (default 8), after one step of warm-up that is not measured. Each answer's time, from the request sent to the answer
 * read, goes into {@link ApiLoadReport}, which prints the table of {@code docs/performance.md} at the end (and
 * writes it to {@code target/bench/api-load.md}); Gatling's HTML report lands in {@code target/gatling}. Goal
 * PATCHes go to one of {@value #WRITE_ROADMAPS} small roadmaps at random: concurrent edits of one roadmap are
 * refused with 409 by design (its version), and count as failed.
 */
public class ApiLoadSimulation extends Simulation {

    static final int[] CLIENTS = {1, 10, 50};
    static final Duration STEP = Duration.ofSeconds(Long.getLong("bench.api.seconds", 8));

    static final int WRITE_ROADMAPS = 50;
    private final BenchApp app;
    private final String base;
    private final Path out;
    private final ApiLoadReport report = new ApiLoadReport();

    /** One call of the API, sent by each client of a step. */
    record Call(String name, String account, boolean write, HttpRequestActionBuilderFactory request) {
    }

    interface HttpRequestActionBuilderFactory {
        HttpRequestActionBuilder build(String name);
    }

    public ApiLoadSimulation() throws Exception {
        app = BenchApp.start("api-load-app.log", "-Xmx768m");
        out = app.out;
        base = app.base;

        String admin = BenchApp.basic("admin", BenchApp.ADMIN_PASSWORD);
        app.account(admin, "bench", "[\"LEARNER\",\"MENTOR\"]");
        app.account(admin, "bench-writer", "[\"LEARNER\"]");
        String reader = BenchApp.basic("bench", BenchApp.PASSWORD);
        String writer = BenchApp.basic("bench-writer", BenchApp.PASSWORD);
        long large = app.roadmap(reader, "bench-200", layered(200, 42));
        long[] small = new long[WRITE_ROADMAPS];
        for (int i = 0; i < WRITE_ROADMAPS; i++) {
            small[i] = app.roadmap(reader, "bench-writes-" + i, layered(10, i));
        }
        for (String rung : List.of("data", "information", "knowledge")) {
            BenchApp.expect(201, app.send(reader, "POST", "/api/participants/@bench/assessments",
                    "{\"topic\":\"metrics\",\"rung\":\"" + rung + "\",\"evidence\":\"seed\"}"));
        }
        BenchApp.expect(200, app.send(reader, "GET", "/api/roadmaps/" + large + "/export/svg", null)); // drawn once, then cached
        String readerToken = "Bearer " + app.token(reader);
        String writerToken = "Bearer " + app.token(writer);

        List<Call> calls = List.of(
                new Call("roadmap list", "bench", false, name -> http(name).get("/api/roadmaps")),
                new Call("svg 200 goals", "bench", false,
                        name -> http(name).get("/api/roadmaps/" + large + "/export/svg")),
                new Call("ladder", "bench", false, name -> http(name).get("/api/participants/@bench/ladder")),
                new Call("goal PATCH", "bench", true, name -> http(name)
                        .patch(session -> "/api/roadmaps/" + small[ThreadLocalRandom.current().nextInt(WRITE_ROADMAPS)]
                                + "/goals/goal_" + ThreadLocalRandom.current().nextInt(10))
                        .body(StringBody(session -> "{\"status\":\""
                                + (ThreadLocalRandom.current().nextBoolean() ? "in_progress" : "pending") + "\"}"))
                        .asJson()),
                new Call("assessment POST", "bench-writer", true, name -> http(name)
                        .post("/api/participants/@bench-writer/assessments")
                        .body(StringBody("{\"topic\":\"metrics\",\"rung\":\"information\",\"evidence\":\"bench\"}"))
                        .asJson()));

        List<PopulationBuilder> steps = new ArrayList<>();
        // the JIT's warm-up, not measured: every call with a token, then with Basic, by 10 clients for one step
        var warmUp = scenario("warm-up");
        for (Call call : calls) {
            boolean reads = call.account().equals("bench");
            warmUp = warmUp.exec(call.request().build("warm-up " + call.name() + " token")
                    .header("Authorization", reads ? readerToken : writerToken));
        }
        warmUp = warmUp.exec(http("warm-up health").get("/actuator/health"))
                .exec(calls.getFirst().request().build("warm-up basic").header("Authorization", reader));
        steps.add(warmUp.injectClosed(constantConcurrentUsers(10).during(STEP)));
        for (int clients : CLIENTS) {
            String health = report.step(clients, "health", "none");
            steps.add(step(health, http(health).get("/actuator/health").check(status().is(200))));
            for (Call call : calls) {
                String basicAuth = call.account().equals("bench") ? reader : writer;
                String tokenAuth = call.account().equals("bench") ? readerToken : writerToken;
                int expected = call.name().endsWith("POST") ? 201 : 200;
                for (String[] auth : List.of(new String[] {"basic", basicAuth}, new String[] {"token", tokenAuth})) {
                    String name = report.step(clients, call.name(), auth[0]);
                    steps.add(step(name, call.request().build(name).header("Authorization", auth[1])
                            .check(status().is(expected))));
                }
            }
        }
        PopulationBuilder chain = steps.getLast();
        for (int i = steps.size() - 2; i >= 0; i--) {
            chain = steps.get(i).andThen(chain);
        }
        HttpProtocolBuilder protocol = http.baseUrl(base).shareConnections().acceptHeader("*/*")
                .userAgentHeader("ladder-bench");
        setUp(chain).protocols(protocol);
    }

    private PopulationBuilder step(String name, HttpRequestActionBuilder request) {
        return scenario(name)
                .exec(session -> session.set("sent", System.nanoTime()))
                .exec(request)
                .exec(session -> {
                    long read = System.nanoTime();
                    if (session.isFailed()) {
                        report.failed(name, session.getLong("sent"), read);
                    } else {
                        report.ok(name, session.getLong("sent"), read);
                    }
                    return session;
                })
                .injectClosed(constantConcurrentUsers(clients(name)).during(STEP));
    }

    private static int clients(String name) {
        return Integer.parseInt(name.substring(1, name.indexOf(' ')));
    }

    @Override
    public void after() {
        app.close();
        try {
            int cores = Runtime.getRuntime().availableProcessors();
            String load = Files.readString(Path.of("/proc/loadavg")).strip();
            System.out.println(report.write(out.resolve("api-load.md"),
                    "API under load: " + STEP.toSeconds() + " s per step, " + cores + " CPUs, load average at the end "
                            + load + "; times from request sent to answer read, of the answers that passed"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A layered DAG like a real roadmap (as RoadmapRenderBenchmark's): each goal needs one to three earlier ones. */
    static String layered(int goals, long seed) {
        Random random = new Random(seed);
        String[] statuses = {"pending", "in_progress", "done", "blocked"};
        StringBuilder dot = new StringBuilder("digraph roadmap {\n  rankdir=TB;\n");
        for (int i = 0; i < goals; i++) {
            dot.append("  goal_").append(i).append(" [label=\"Goal number ").append(i)
                    .append("\", tooltip=\"What goal ").append(i).append(" means, in one sentence of text.\", status=\"")
                    .append(statuses[random.nextInt(statuses.length)]).append("\", participants=\"@bench @person")
                    .append(random.nextInt(12)).append("\"];\n");
        }
        for (int i = 1; i < goals; i++) {
            int prerequisites = 1 + random.nextInt(Math.min(3, i));
            java.util.Set<Integer> froms = new java.util.TreeSet<>();
            for (int p = 0; p < prerequisites; p++) {
                froms.add(Math.max(0, i - 1 - random.nextInt(Math.min(i, 25))));
            }
            for (int from : froms) {
                dot.append("  goal_").append(from).append(" -> goal_").append(i).append(";\n");
            }
        }
        return dot.append("}\n").toString();
    }
}
