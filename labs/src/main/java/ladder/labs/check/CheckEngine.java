package ladder.labs.check;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import ladder.labs.runtime.LabSession;
import ladder.model.lab.CheckResult;
import ladder.model.lab.CheckSpec;
import ladder.model.lab.CheckStatus;
import ladder.model.lab.HttpAction;
import ladder.model.lab.LabDefinition;
import org.jspecify.annotations.Nullable;

/**
 * Runs a lab's checks against a session. A check starts as soon as every check it needs has passed
 * and every check it runs after has finished (so independent checks run in parallel); it is skipped, naming
 * the need, when one did not pass, and then still says what it sees when it can look without acting. A check
 * with {@code poll} is retried until it passes or its time-out; with {@code holds-for} it must keep passing
 * that long. The result keeps the last attempt's observed and expected texts.
 *
 * <p>Hints are tiered per session ({@link HintTiers}): a check's first failure shows the first tier, a failure after
 * the learner edited the workspace the next one; a check's answer is in its result only when the caller asks for
 * answers ({@link Answers#SHOWN}).
 *
 * <p>Meter: {@code ladder.labs.check.duration} (timer, tags lab, type, result).
 */
public final class CheckEngine {

    /** Whether the results of a run carry the answers of the checks that did not pass. */
    public enum Answers { HIDDEN, SHOWN }

    private final MeterRegistry registry;
    private final HttpClient http;
    private final HintTiers hintTiers = new HintTiers();

    public CheckEngine(MeterRegistry registry) {
        this.registry = registry;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** Runs every check of the session's lab. */
    public CheckReport run(LabSession session) {
        return run(session, result -> { });
    }

    /**
     * Runs every check of the session's lab, telling {@code onResult} of each result as it comes.
     */
    public CheckReport run(LabSession session, Consumer<CheckResult> onResult) {
        return run(session, session.definition().checks(), Answers.HIDDEN, onResult);
    }

    /** Runs every check of the session's lab; with {@link Answers#SHOWN}, a check that does not pass gives its answer. */
    public CheckReport run(LabSession session, Answers answers, Consumer<CheckResult> onResult) {
        return run(session, session.definition().checks(), answers, onResult);
    }

    /**
     * Runs the given checks (e.g. one check a learner asked for, with what it needs) against a session.
     *
     * @throws IllegalArgumentException when a check needs one that is not among them
     */
    public CheckReport run(LabSession session, List<CheckSpec> checks, Consumer<CheckResult> onResult) {
        return run(session, checks, Answers.HIDDEN, onResult);
    }

    /**
     * Runs the given checks against a session, with or without the answers of those that do not pass.
     *
     * @throws IllegalArgumentException when a check needs one that is not among them
     */
    public CheckReport run(LabSession session, List<CheckSpec> checks, Answers answers, Consumer<CheckResult> onResult) {
        Instant begun = Instant.now();
        HintTiers.Run tiers = hintTiers.begin(session);
        Map<String, CompletableFuture<CheckResult>> futures = new LinkedHashMap<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            // a definition has no circle among its checks; the needs of each come first
            for (CheckSpec check : inNeedsOrder(session.definition(), checks)) {
                List<CompletableFuture<CheckResult>> needs = check.needs().stream().map(futures::get).toList();
                List<CompletableFuture<CheckResult>> waits = new ArrayList<>(needs);
                check.runsAfter().stream().map(futures::get).filter(java.util.Objects::nonNull).forEach(waits::add);
                CompletableFuture<CheckResult> future = CompletableFuture
                        .allOf(waits.toArray(CompletableFuture[]::new))
                        .thenApplyAsync(ignored -> {
                            List<CheckResult> needResults = needs.stream().map(CompletableFuture::join).toList();
                            CheckResult result = tiers.apply(check, runOne(session, check, needResults),
                                    answers == Answers.SHOWN);
                            onResult.accept(result);
                            return result;
                        }, executor);
                futures.put(check.id(), future);
            }
            List<CheckResult> results = new ArrayList<>();
            for (CheckSpec check : checks) {
                try {
                    results.add(futures.get(check.id()).get());
                } catch (ExecutionException e) {
                    results.add(result(session, check, CheckStatus.ERROR, "the check engine failed: " + e.getCause(),
                            "", Duration.ZERO, 0, Map.of()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    results.add(result(session, check, CheckStatus.ERROR, "interrupted", "", Duration.ZERO, 0, Map.of()));
                }
            }
            return new CheckReport(results, Duration.between(begun, Instant.now()));
        }
    }

    /**
     * The given checks in an order in which each comes after what it needs and runs after, by the definition's own
     * rule ({@link LabDefinition#checksInNeedsOrder()}).
     *
     * @throws IllegalArgumentException when a check needs one that is not among them
     */
    private static List<CheckSpec> inNeedsOrder(LabDefinition lab, List<CheckSpec> checks) {
        List<String> ids = checks.stream().map(CheckSpec::id).toList();
        // runs-after may name a check left out of this run (a learner asking for one check): nothing to wait for then
        List<CheckSpec> thisRun = checks.stream()
                .map(check -> check.withRunsAfter(check.runsAfter().stream().filter(ids::contains).toList()))
                .toList();
        return lab.withChecks(thisRun).checksInNeedsOrder().stream()
                .map(ordered -> checks.get(ids.indexOf(ordered.id())))
                .toList();
    }

    private CheckResult runOne(LabSession session, CheckSpec check, List<CheckResult> needs) {
        Map<String, String> captured = new HashMap<>();
        needs.forEach(need -> captured.putAll(need.captured()));
        Instant started = Instant.now();
        Instant deadline = started.plus(check.timeout());
        CheckContext context = new CheckContext(session, http, captured, started, deadline);
        CheckEvaluator evaluator = CheckEvaluator.of(check.type());
        for (CheckResult need : needs) {
            if (!need.passed()) {
                String skipped = "skipped: it needs `" + need.checkId() + "`, which did not pass (" + need.status() + ")";
                return record(session, check, result(session, check, CheckStatus.SKIPPED,
                        skipped + glance(check, evaluator, context), "`" + need.checkId() + "` to pass first",
                        Duration.between(started, Instant.now()), 0, Map.of()));
            }
        }
        Outcome outcome;
        int attempts = 0;
        String afterProblem;
        try {
            String refused = runActions(context, check.before(), "before");
            if (refused != null) {
                outcome = Outcome.error(refused, "every before-action to succeed");
            } else {
                Instant heldSince = null;
                while (true) {
                    attempts++;
                    Instant now = Instant.now();
                    outcome = attempt(evaluator, context);
                    if (check.holdsFor() != null) {
                        // passing once is not enough: once the condition holds, it must keep holding for the whole
                        // duration, and a break fails the check (an alert that fires during a blip); before it first
                        // holds, the check waits (an alert still firing from the learner's own experiment)
                        if (outcome.status() != CheckStatus.PASS) {
                            if (heldSince != null) {
                                outcome = new Outcome(CheckStatus.FAIL, outcome.observed() + " (after it had held for "
                                        + Duration.between(heldSince, now).toSeconds() + " s)", outcome.expected(), outcome.captured());
                                break;
                            }
                        } else {
                            heldSince = heldSince == null ? now : heldSince;
                            Duration held = Duration.between(heldSince, Instant.now());
                            if (held.compareTo(check.holdsFor()) < 0) {
                                outcome = new Outcome(CheckStatus.FAIL, outcome.observed() + " (held for "
                                        + held.toSeconds() + " s of " + check.holdsFor().toSeconds() + " s)",
                                        outcome.expected(), outcome.captured());
                            } else {
                                outcome = new Outcome(CheckStatus.PASS, outcome.observed() + " (held for "
                                        + held.toSeconds() + " s)", outcome.expected(), outcome.captured());
                            }
                        }
                    }
                    boolean noTimeToHold = check.holdsFor() != null && heldSince == null
                            && Instant.now().plus(check.holdsFor()).isAfter(deadline);
                    if (outcome.status() == CheckStatus.PASS || check.poll() == null || noTimeToHold
                            || Instant.now().plus(check.poll()).isAfter(deadline)) {
                        break;
                    }
                    Thread.sleep(check.poll());
                }
                if (outcome.status() != CheckStatus.PASS && check.holdsFor() != null) {
                    outcome = new Outcome(outcome.status(), outcome.observed() + "; it must hold for "
                            + check.holdsFor().toSeconds() + " s in a row", outcome.expected(), outcome.captured());
                }
                if (outcome.status() != CheckStatus.PASS && check.poll() != null) {
                    outcome = new Outcome(outcome.status(), outcome.observed() + " (after " + attempts + " attempts in "
                            + Duration.between(started, Instant.now()).toMillis() + " ms)", outcome.expected(), outcome.captured());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = Outcome.error("interrupted", "");
        } finally {
            if (evaluator instanceof AutoCloseable held) {
                closeQuietly(held); // what the check held open (a load's connections) ends with it
            }
            afterProblem = runActionsQuietly(context, check.after());
        }
        // the result stands when an after-action fails; the learner should still know the clean-up failed
        String observed = outcome.observed() + (afterProblem == null ? "" : "; " + afterProblem);
        return record(session, check, result(session, check, outcome.status(), observed, outcome.expected(),
                Duration.between(started, Instant.now()), attempts, outcome.captured()));
    }

    private static void closeQuietly(AutoCloseable held) {
        try {
            held.close();
        } catch (Exception e) {
            // nothing more can be done about it; the component is stopped with the session
        }
    }

    /**
     * What a skipped check can see anyway, so that a second mistake is not hidden behind the first: one attempt,
     * only for checks that change nothing (no actions) and need no captured value; empty when it would pass or
     * cannot say.
     */
    private static String glance(CheckSpec check, CheckEvaluator evaluator, CheckContext context) {
        if (!check.before().isEmpty() || !check.after().isEmpty() || check.holdsFor() != null
                || check.type() instanceof ladder.model.lab.CheckType.LogContains
                || check.type() instanceof ladder.model.lab.CheckType.PostgresLoad) {
            return "";
        }
        try {
            Outcome outcome = attempt(evaluator, context);
            return outcome.status() == CheckStatus.FAIL ? "; meanwhile it sees: " + outcome.observed() : "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static Outcome attempt(CheckEvaluator evaluator, CheckContext context) throws InterruptedException {
        try {
            return evaluator.evaluate(context);
        } catch (IllegalArgumentException e) {
            return Outcome.error(e.getMessage() == null ? e.toString() : e.getMessage(), "");
        } catch (RuntimeException e) {
            return Outcome.error("the check could not be evaluated: " + e, "");
        }
    }

    /** Sends the actions; the first failure, in words, or null when all succeeded. */
    private static @Nullable String runActions(CheckContext context, List<HttpAction> actions, String which)
            throws InterruptedException {
        for (HttpAction action : actions) {
            String url;
            try {
                url = context.renderUrl(action.url());
            } catch (IllegalArgumentException e) {
                return which + "-action " + action.method() + " " + action.url() + ": " + e.getMessage();
            }
            try {
                HttpResponse<String> response = context.send(action.method(), url,
                        action.body() == null ? null : context.render(action.body()));
                if (response.statusCode() != action.expectedStatus()) {
                    return which + "-action " + action.method() + " " + url + " got status " + response.statusCode()
                            + " (expected " + action.expectedStatus() + "): " + CheckContext.abbreviate(response.body(), 160);
                }
            } catch (IOException e) {
                return which + "-action " + action.method() + " failed: " + CheckContext.describe(e, url);
            } catch (IllegalArgumentException e) {
                return which + "-action " + action.method() + " " + url + ": " + e.getMessage();
            }
        }
        return null;
    }

    private static @Nullable String runActionsQuietly(CheckContext context, List<HttpAction> actions) {
        try {
            return runActions(context, actions, "after");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    private static CheckResult result(LabSession session, CheckSpec check, CheckStatus status, String observed,
            String expected, Duration duration, int attempts, Map<String, String> captured) {
        return new CheckResult(check.id(), check.type().yamlName(), check.description(), status, observed, expected,
                check.hint(), duration, attempts, captured);
    }

    private CheckResult record(LabSession session, CheckSpec check, CheckResult result) {
        Timer.builder("ladder.labs.check.duration")
                .description("Time a lab check took, polling included")
                .tag("lab", session.definition().id())
                .tag("type", check.type().yamlName())
                .tag("result", result.status().name().toLowerCase(java.util.Locale.ROOT))
                .register(registry)
                .record(result.duration());
        return result;
    }
}
