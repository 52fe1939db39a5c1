package ladder.labs.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ladder.labs.catalog.LabFolder;
import ladder.labs.catalog.LoopbackUrls;
import ladder.labs.runtime.ApplyResult;
import ladder.labs.runtime.LabSession;
import ladder.model.lab.LabPlaceholders;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers that differ from session to session, for the solutions and test cases of a lab whose learner writes down
 * what they found (a trace id, a cause): such files say {@code ${answer:NAME}}, and an {@code answers.yaml} beside
 * them says how the harness finds each answer in the running session, as a learner would. Each answer is either
 * asked of a component ({@code url} and a JSON pointer {@code json}) or read from a component's log (the first
 * group of {@code pattern} in the last matching line: the latest, since what happened before every component was
 * ready, such as spans sent before Zipkin answered, may be lost); an answer may use those before it as
 * {@code ${answer:NAME}} (matched literally in a pattern). Each is awaited for up to a minute.
 *
 * <pre>{@code
 * trace:
 *   url: "${url:zipkin}/api/v2/traces?serviceName=frontend&minDuration=500000&limit=1"
 *   json: /0/0/traceId
 * cause:
 *   log: frontend
 *   pattern: 'traceId=${answer:trace} .* cause=(\S+)'
 * }</pre>
 *
 * Only the harness reads {@code answers.yaml} (it is never put into a workspace): a learner's files get no answers
 * filled in.
 */
public final class SessionAnswers {

    public static final String FILE = "answers.yaml";
    private static final Pattern ANSWER = Pattern.compile("\\$\\{answer:([A-Za-z][A-Za-z0-9_-]*)}");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SessionAnswers() {
    }

    /**
     * Applies the lab's reference solution to the session, its answers found in the session first.
     *
     * @throws IllegalStateException when an answer cannot be found in time
     */
    public static ApplyResult applySolution(LabSession session, LabFolder lab) {
        if (!Files.isRegularFile(lab.solution().resolve(FILE))) {
            return session.apply(lab.solution());
        }
        Path overlay = null;
        try {
            overlay = Files.createTempDirectory("ladder-solution-");
            LabCaseRunner.copyTree(lab.solution(), overlay, null);
            fillIn(overlay, session);
            return session.apply(overlay);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (overlay != null) {
                LabCaseRunner.deleteTree(overlay);
            }
        }
    }

    /**
     * Replaces {@code ${answer:NAME}} in every file of {@code overlay} by what its {@code answers.yaml} finds in the
     * session, then deletes that file. Without one, nothing changes.
     *
     * @throws IllegalStateException when an answer cannot be found in time or a file names an unknown answer
     */
    static void fillIn(Path overlay, LabSession session) throws IOException {
        Path recipes = overlay.resolve(FILE);
        if (!Files.isRegularFile(recipes)) {
            return;
        }
        Map<String, String> answers = find(Files.readString(recipes, StandardCharsets.UTF_8), session);
        Files.delete(recipes);
        try (Stream<Path> walk = Files.walk(overlay)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (ANSWER.matcher(text).find()) {
                    Files.writeString(file, replace(text, answers, value -> value), StandardCharsets.UTF_8);
                }
            }
        }
    }

    private static Map<String, String> find(String yaml, LabSession session) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        Object parsed = new Yaml(new SafeConstructor(options)).load(yaml);
        if (!(parsed instanceof Map<?, ?> recipes)) {
            throw new IllegalStateException(FILE + ": expected a map of answer names");
        }
        Map<String, String> answers = new LinkedHashMap<>();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build()) {
            for (Map.Entry<?, ?> entry : recipes.entrySet()) {
                String name = String.valueOf(entry.getKey());
                if (!(entry.getValue() instanceof Map<?, ?> recipe)) {
                    throw new IllegalStateException(FILE + ": " + name + ": expected {url, json} or {log, pattern}");
                }
                answers.put(name, await(name, recipe, answers, session, http));
            }
        }
        return answers;
    }

    private static String await(String name, Map<?, ?> recipe, Map<String, String> known, LabSession session,
                                HttpClient http) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String why;
        do {
            try {
                String found = recipe.containsKey("log") ? fromLog(recipe, known, session) : fromUrl(recipe, known, session, http);
                if (found != null) {
                    return found;
                }
                why = "nothing matched yet";
                Thread.sleep(500);
            } catch (IOException e) {
                why = e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while finding the answer " + name, e);
            }
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("the answer " + name + " was not found in " + WAIT.toSeconds() + " s: " + why);
    }

    private static @Nullable String fromUrl(Map<?, ?> recipe, Map<String, String> known, LabSession session, HttpClient http)
            throws IOException, InterruptedException {
        String url = replace(LabPlaceholders.renderComponents(String.valueOf(recipe.get("url")), session.ports()), known,
                value -> value);
        if (!LoopbackUrls.isLoopback(url)) {
            throw new IllegalStateException(FILE + ": " + url + " is not a component of the lab");
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(url + " answered " + response.statusCode());
        }
        JsonNode value = JSON.readTree(response.body()).at(String.valueOf(recipe.get("json")));
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    private static @Nullable String fromLog(Map<?, ?> recipe, Map<String, String> known, LabSession session) throws IOException {
        Path log = session.logFile(String.valueOf(recipe.get("log")));
        if (!Files.isRegularFile(log)) {
            return null;
        }
        Pattern pattern = Pattern.compile(replace(String.valueOf(recipe.get("pattern")), known, Pattern::quote));
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (String line : lines.reversed()) { // the latest, as a learner reading the log's end finds it
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return null;
    }

    private static String replace(String text, Map<String, String> answers, UnaryOperator<String> quote) {
        Matcher matcher = ANSWER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = answers.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("${answer:" + matcher.group(1) + "} is not found before it (known: "
                        + String.join(", ", answers.keySet()) + ")");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(quote.apply(value)));
        }
        return matcher.appendTail(out).toString();
    }
}
