package ladder.webapp.labs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import ladder.labs.catalog.LabCatalog;
import ladder.labs.catalog.LabFolder;
import ladder.labs.check.CheckEngine;
import ladder.labs.check.CheckReport;
import ladder.labs.runtime.ApplyResult;
import ladder.labs.runtime.LabProgress;
import ladder.labs.runtime.LabRuntime;
import ladder.labs.runtime.LabSession;
import ladder.labs.runtime.LabStartException;
import ladder.model.lab.CheckSpec;
import ladder.model.lab.ComponentKind;
import ladder.model.lab.ComponentSpec;
import ladder.model.lab.LabDefinition;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.AccountView;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Labs for views and endpoints: the catalog, a person's lab sessions on the configured
 * {@link LabRuntime}, their workspace files, apply, checks and stop, with the access rules applied
 * here so the UI and the REST API agree: a session belongs to the account that started it (by id);
 * mentors and admins see and stop every session; only its owner changes its files or runs its checks.
 *
 * <p>Limits: one active session per person; {@link LabsProperties#maxSessions()} on the server, where
 * one more is refused with the time until the first running session ends. A session's time limit is
 * its lab's. Sessions found active at start-up belonged to a Ladder that is gone: they are marked
 * stopped, and the runtime has already swept their processes.
 *
 * <p>No runtime call or check runs inside a database transaction: each state change is its own short
 * transaction. When every check of a run passes, {@link LabPassed} is published with the stored run.
 */
@Service
public class LabService implements SmartInitializingSingleton, DisposableBean {

    static final long MAX_FILE_BYTES = 256 * 1024;
    private static final List<String> START_RESULTS = List.of("started", "failed", "refused");
    private static final Set<LabSessionState> ACTIVE = EnumSet.of(LabSessionState.STARTING, LabSessionState.READY);
    private static final Logger log = LoggerFactory.getLogger(LabService.class);

    private final LabRuntime runtime;
    private final LabCatalog catalog;
    private final CheckEngine checks;
    private final LabsProperties properties;
    private final LabSessionRepository sessions;
    private final CheckRunRepository runs;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MeterRegistry registry;
    private final ObservationRegistry observations;
    private final List<Live> live = new CopyOnWriteArrayList<>();
    private final ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor();

    LabService(LabRuntime runtime, LabCatalog catalog, CheckEngine checks, LabsProperties properties,
            LabSessionRepository sessions, CheckRunRepository runs, AccountService accounts,
            ApplicationEventPublisher events, TransactionTemplate transaction, MeterRegistry registry,
            ObservationRegistry observations, Clock clock) {
        this.registry = registry;
        this.observations = observations;
        this.runtime = runtime;
        this.catalog = catalog;
        this.checks = checks;
        this.properties = properties;
        this.sessions = sessions;
        this.runs = runs;
        this.accounts = accounts;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Ends the sessions a previous run of Ladder left active: their processes are gone with it. */
    @Override
    public void afterSingletonsInstantiated() {
        // every lab's starts at zero from the beginning, so that the first start is an increase for Prometheus
        labs().forEach(folder -> START_RESULTS.forEach(result -> startCounter(folder.definition().id(), result)));
        int ended = endLeftovers("ended: Ladder restarted while the session ran; start it again");
        if (ended > 0) {
            log.info("marked {} lab sessions of a previous run as stopped", ended);
        }
    }

    int endLeftovers(String why) {
        Integer count = transaction.execute(status -> {
            List<LabSessionRecord> leftovers = sessions.findByStateIn(ACTIVE).stream()
                    .filter(record -> find(record.getId()).isEmpty()).toList();
            leftovers.forEach(record -> {
                record.end(LabSessionState.STOPPED, why, now());
                sessions.saveAndFlush(record);
            });
            return leftovers.size();
        });
        return count == null ? 0 : count;
    }

    /** Stops every running session when Ladder shuts down, so each is stored as stopped. */
    @Override
    public void destroy() {
        for (Live session : List.copyOf(live)) {
            try {
                end(session, LabSessionState.STOPPED, "stopped: Ladder shut down");
            } catch (RuntimeException e) {
                log.warn("could not stop lab session {} cleanly: {}", session.id(), e.toString());
            }
        }
        starter.shutdownNow();
    }

    // ---------------------------------------------------------------- catalog

    /** The runtime's name: {@code process}, later {@code docker}. */
    public String runtimeName() {
        return runtime.name();
    }

    /**
     * What the health endpoint's readiness group reports of the labs (never failing on it): the runtime, the
     * component kinds it can start here, how many of the catalog's labs run here, and the sessions running.
     */
    Map<String, Object> readiness() {
        Capabilities known = capabilities;
        if (known == null || Duration.between(known.at(), Instant.now()).compareTo(CATALOG_FRESHNESS) >= 0) {
            // asked of the runtime at most once per CATALOG_FRESHNESS: health is polled often, and must stay cheap
            List<LabFolder> labs = labs();
            long runnable = labs.stream().filter(lab -> runtime.whyNotRunnable(lab.definition()).isEmpty()).count();
            known = new Capabilities(Instant.now(),
                    runtime.availableComponents().stream().map(ComponentKind::yamlName).sorted().toList(), labs.size(), runnable);
            capabilities = known;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("runtime", runtime.name());
        details.put("components", known.components());
        details.put("labs", known.labs());
        details.put("runnableHere", known.runnable());
        details.put("sessions", live.size());
        details.put("maxSessions", properties.maxSessions());
        return details;
    }

    /** What the runtime can do here, as {@link #readiness} last asked it. */
    private record Capabilities(Instant at, List<String> components, int labs, long runnable) {
    }

    private volatile @Nullable Capabilities capabilities;

    /** Sessions at once on this server. */
    public int maxSessions() {
        return properties.maxSessions();
    }

    /** Every valid lab of the catalog with whether it runs here and the actor's status. */
    public List<LabEntry> catalog(AccountView actor) {
        List<LabSessionRecord> mine = sessions.findByAccountIdOrderByStartedAtDesc(actor.id());
        Map<String, Instant> passed = labsPassedBy(actor.id());
        return labs().stream().map(folder -> {
            LabDefinition lab = folder.definition();
            List<String> missing = runtime.missingComponents(lab);
            String active = mine.stream()
                    .filter(record -> record.getLabId().equals(lab.id()) && record.getState().active())
                    .map(LabSessionRecord::getId).findFirst().orElse(null);
            int attempts = (int) mine.stream().filter(record -> record.getLabId().equals(lab.id())).count();
            return new LabEntry(lab.id(), lab.title(), lab.summary(), lab.topics(), lab.rung(), lab.timeLimit(),
                    runtime.name(), missing.isEmpty(), missing, missing.isEmpty() ? List.of() : runtime.whyNotRunnable(lab), active,
                    passed.get(lab.id()), attempts);
        }).toList();
    }

    /** One lab of the catalog, with the actor's status. */
    public LabEntry lab(AccountView actor, String labId) {
        return catalog(actor).stream().filter(entry -> entry.id().equals(labId)).findFirst()
                .orElseThrow(() -> new LabException(LabException.Kind.NOT_FOUND, "no lab '" + labId + "'"));
    }

    /** The lab's instructions as Markdown. */
    public String instructions(String labId) {
        LabFolder folder = folder(labId);
        try {
            return Files.readString(folder.instructions());
        } catch (IOException e) {
            return "The instructions of this lab cannot be read: " + e.getMessage();
        }
    }

    /**
     * The catalog's valid labs, read from disk at most every {@link #CATALOG_FRESHNESS}: every refresh of a
     * session view asks for its lab's title, and a lab author's edit still shows within seconds.
     */
    private List<LabFolder> labs() {
        Catalog cached = loaded;
        if (cached != null && Duration.between(cached.at(), Instant.now()).compareTo(CATALOG_FRESHNESS) < 0) {
            return cached.labs();
        }
        try {
            List<LabCatalog.Entry> entries = catalog.entries();
            reportProblems(entries);
            List<LabFolder> labs = entries.stream()
                    .map(LabCatalog.Entry::lab)
                    .filter(Objects::nonNull)
                    .toList();
            loaded = new Catalog(Instant.now(), labs);
            return labs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lab catalog: " + e.getMessage(), e);
        }
    }

    private record Catalog(Instant at, List<LabFolder> labs) {
    }

    /**
     * Tells the operator, once per change, that the catalog is missing or empty or that a lab in it is invalid
     * (an invalid lab is left out of the catalog; without this line it would just be missing).
     */
    private void reportProblems(List<LabCatalog.Entry> entries) {
        String report;
        if (entries.isEmpty()) {
            report = "No labs are offered: the lab catalog folder " + catalog.directory()
                    + " is missing or holds no lab folder (set LADDER_LABS_CATALOG to the catalog, e.g. labs/catalog)";
        } else {
            report = entries.stream().filter(entry -> entry.problem() != null)
                    .map(entry -> "The lab in " + entry.directory() + " is left out of the catalog: "
                            + entry.problem().getMessage())
                    .collect(Collectors.joining("\n"));
        }
        if (!report.equals(lastReport)) {
            lastReport = report;
            if (!report.isEmpty()) {
                log.warn(report);
            }
        }
    }

    private volatile String lastReport = "";

    static final Duration CATALOG_FRESHNESS = Duration.ofSeconds(10);
    private volatile @Nullable Catalog loaded;

    private LabFolder folder(String labId) {
        return labs().stream().filter(folder -> folder.definition().id().equals(labId)).findFirst()
                .orElseThrow(() -> new LabException(LabException.Kind.NOT_FOUND, "no lab '" + labId + "'"));
    }

    // ---------------------------------------------------------------- sessions

    /**
     * Starts a session of a lab for the actor and returns at once, in state starting; its
     * components come up in the background (see {@link #subscribe}).
     *
     * @throws LabException CONFLICT when they already have an active session (naming it), CAPACITY when
     *                      the server runs its maximum, NOT_FOUND for an unknown lab, BAD_INPUT when the
     *                      lab cannot run here
     */
    public LabSessionInfo start(AccountView actor, String labId) {
        LabFolder folder = folder(labId);
        List<String> missing = runtime.missingComponents(folder.definition());
        if (!missing.isEmpty()) {
            counted(folder.definition().id(), "refused");
            throw new LabException(LabException.Kind.BAD_INPUT, "this server's " + runtime.name()
                    + " runtime cannot start " + String.join(", ", missing) + ", which lab " + labId + " needs");
        }
        Live session;
        synchronized (live) {
            Optional<Live> own = live.stream().filter(other -> other.accountId == actor.id()).findFirst();
            if (own.isPresent()) {
                counted(folder.definition().id(), "refused");
                throw new LabException(LabException.Kind.CONFLICT, "you already have a lab session running ("
                        + own.get().lab.definition().id() + ", " + own.get().id() + "); stop it first, one at a time");
            }
            if (live.size() >= properties.maxSessions()) {
                counted(folder.definition().id(), "refused");
                throw new LabException(LabException.Kind.CAPACITY, "this server already runs " + live.size()
                        + " lab sessions, the most it may (LADDER_LABS_MAX_SESSIONS); try again when one ends",
                        retryAfterSeconds());
            }
            session = new Live(actor.id(), folder);
            live.add(session);
        }
        Observation parent = observations.getCurrentObservation(); // the request's, so the start is in its trace
        starter.submit(() -> launch(session, parent));
        String id;
        try {
            // the runtime names the session in its first progress, before any component starts: one id for
            // the stored session, its folder and the paths its component UIs link to
            id = session.idFuture.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            live.remove(session);
            throw new LabException(LabException.Kind.BAD_INPUT, "could not start: " + e.getCause().getMessage());
        } catch (TimeoutException | InterruptedException e) {
            live.remove(session);
            session.recorded.completeExceptionally(e);
            throw new IllegalStateException("the lab runtime did not begin the session within 30 s", e);
        }
        try {
            Instant started = now();
            sessions.saveAndFlush(new LabSessionRecord(id, actor.id(), labId, runtime.name(), started,
                    started.plus(folder.definition().timeLimit())));
            session.recorded.complete(null);
            counted(folder.definition().id(), "started");
        } catch (RuntimeException e) {
            live.remove(session);
            session.recorded.completeExceptionally(e);
            throw e;
        }
        return info(id, actor);
    }

    /**
     * Counts a start as {@code ladder.labs.session.starts} by {@code lab} (a catalog id: as many series as labs),
     * {@code runtime} and {@code result}: started (accepted and stored), failed (its components did not come up)
     * or refused (the lab cannot run here, the learner has a session already, or the server is full). Never the
     * learner or the session id.
     */
    private void counted(String labId, String result) {
        startCounter(labId, result).increment();
    }

    private Counter startCounter(String labId, String result) {
        return Counter.builder("ladder.labs.session.starts").description("Lab session starts by result")
                .tag("lab", labId).tag("runtime", runtime.name()).tag("result", result).register(registry);
    }

    private long retryAfterSeconds() {
        Instant first = live.stream()
                .map(session -> session.session == null ? now().plus(session.lab.definition().timeLimit())
                        : session.session.deadline())
                .min(Comparator.naturalOrder()).orElse(now());
        return Math.max(1, Duration.between(now(), first).toSeconds());
    }

    /** Observed as {@code ladder.labs.session.start} ("start lab"), a child of the request that asked for it. */
    private void launch(Live session, @Nullable Observation parent) {
        Observation observation = Observation.createNotStarted("ladder.labs.session.start", observations)
                .contextualName("start lab").parentObservation(parent)
                .lowCardinalityKeyValue("lab", session.lab.definition().id())
                .lowCardinalityKeyValue("runtime", runtime.name()).start();
        try (Observation.Scope scope = observation.openScope()) {
            launchObserved(session, observation);
        } finally {
            observation.stop();
        }
    }

    private void launchObserved(Live session, Observation observation) {
        try {
            LabSession started = runtime.start(session.lab, progress -> {
                session.idFuture.complete(progress.sessionId());
                progressed(session, progress);
            });
            session.session = started;
            if (!awaitRecorded(session) || session.stopRequested) {
                started.stop();
                return;
            }
            transaction.executeWithoutResult(status -> sessions.findById(session.id()).ifPresent(record -> {
                if (record.getState() == LabSessionState.STARTING) {
                    record.ready(started.deadline().truncatedTo(ChronoUnit.MICROS));
                    sessions.saveAndFlush(record);
                }
            }));
            session.notifyListeners();
        } catch (RuntimeException e) {
            counted(session.lab.definition().id(), "failed");
            observation.error(e);
            if (!(e instanceof LabStartException)) {
                log.warn("a lab session of {} failed to start", session.lab.definition().id(), e);
            }
            if (session.idFuture.completeExceptionally(e)) {
                return; // failed before it had an id: start() tells the person
            }
            if (awaitRecorded(session)) {
                endStored(session, LabSessionState.FAILED, "could not start: " + e.getMessage());
            }
        }
    }

    private static boolean awaitRecorded(Live session) {
        try {
            session.recorded.join();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The runtime's progress: component states, the log, and the end of a session stopped by its time limit. */
    private void progressed(Live session, LabProgress progress) {
        if (!progress.component().isEmpty()) {
            String state = switch (progress.step()) {
                case STARTING -> "starting";
                case READY -> "ready";
                case FAILED -> "failed";
                default -> null;
            };
            if (state != null) {
                session.components.put(progress.component(), state);
            }
        }
        session.progress.add(progress.message());
        if (progress.step() == LabProgress.Step.STOPPING && progress.message().startsWith("time limit")) {
            session.endReason = "stopped: " + progress.message();
        }
        if (progress.step() == LabProgress.Step.STOPPED && session.session != null && awaitRecorded(session)) {
            endStored(session, LabSessionState.STOPPED,
                    session.endReason == null ? "stopped: its components stopped" : session.endReason);
        }
        session.notifyListeners();
    }

    /** Stores the end of a session once, forgets it, and tells whoever watches. */
    private void endStored(Live session, LabSessionState state, String why) {
        if (!live.remove(session)) {
            return; // already ended: the first reason stands
        }
        try {
            transaction.executeWithoutResult(status -> sessions.findById(session.id()).ifPresent(record -> {
                if (record.getState().active()) {
                    record.end(state, why, now());
                    sessions.saveAndFlush(record);
                }
            }));
        } finally {
            session.notifyListeners();
        }
    }

    private void end(Live session, LabSessionState state, String why) {
        session.stopRequested = true;
        endStored(session, state, why);
        LabSession running = session.session;
        if (running != null) {
            running.stop();
        }
    }

    /** A session the actor may see (theirs, or any for mentors and admins). */
    public LabSessionInfo session(AccountView actor, String sessionId) {
        LabSessionRecord record = visible(actor, sessionId);
        return info(record, actor);
    }

    /** The actor's active session, if any. */
    public Optional<LabSessionInfo> activeSession(AccountView actor) {
        return sessions.findByAccountIdAndStateIn(actor.id(), ACTIVE).stream().findFirst()
                .map(record -> info(record, actor));
    }

    /** Sessions the actor may see: their own, or everyone's for mentors and admins, newest first. */
    public List<LabSessionInfo> sessions(AccountView actor) {
        List<LabSessionRecord> records = actor.isMentorOrAdmin() ? sessions.findAllByOrderByStartedAtDesc()
                : sessions.findByAccountIdOrderByStartedAtDesc(actor.id());
        return records.stream().map(record -> info(record, actor)).toList();
    }

    /** The check runs of a session the actor may see, oldest first. */
    public List<LabCheckRun> checkRuns(AccountView actor, String sessionId) {
        visible(actor, sessionId);
        return runs.findBySessionIdOrderByIdAsc(sessionId).stream().map(CheckRunRecord::toRun).toList();
    }

    /**
     * The labs an account has passed, with when it first passed each: for other features' rules (a goal's
     * criteria), by account id and without an access check of the acting person.
     */
    public Map<String, Instant> labsPassedBy(long accountId) {
        Map<String, Instant> passed = new LinkedHashMap<>();
        for (CheckRunRecord run : runs.findByAccountIdOrderByIdAsc(accountId)) {
            if (run.isPassed()) {
                passed.putIfAbsent(run.getLabId(), run.getRanAt());
            }
        }
        return passed;
    }

    /** Every passed check run, newest first: for mentors' dashboards. */
    public List<LabCheckRun> passedRuns(AccountView actor) {
        requireMentorOrAdmin(actor);
        return runs.findByPassedTrueOrderByIdDesc().stream().map(CheckRunRecord::toRun).toList();
    }

    /** Stops a session: its owner, or a mentor or admin. Stopping an ended session changes nothing. */
    public LabSessionInfo stop(AccountView actor, String sessionId) {
        LabSessionRecord record = visible(actor, sessionId);
        Live session = find(sessionId).orElse(null);
        if (session != null) {
            end(session, LabSessionState.STOPPED, record.getAccountId() == actor.id() ? "stopped by you"
                    : "stopped by " + actor.handle());
        }
        return info(sessionId, actor);
    }

    /**
     * Tells {@code listener} whenever the session changes (a component's state, progress, its end);
     * called from the runtime's threads. Returns what removes the listener.
     */
    public Runnable subscribe(AccountView actor, String sessionId, Runnable listener) {
        visible(actor, sessionId);
        Live session = find(sessionId).orElse(null);
        if (session == null) {
            return () -> { };
        }
        session.listeners.add(listener);
        return () -> session.listeners.remove(listener);
    }

    // ---------------------------------------------------------------- workspace

    /** The workspace's files, relative paths with '/', sorted. */
    public List<String> files(AccountView actor, String sessionId) {
        LabSession session = running(actor, sessionId, false);
        Path workspace = session.workspace();
        try (Stream<Path> walk = Files.walk(workspace)) {
            return walk.filter(Files::isRegularFile)
                    .map(path -> workspace.relativize(path).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workspace file's text. */
    public String readFile(AccountView actor, String sessionId, String path) {
        LabSession session = running(actor, sessionId, false);
        Path file = resolve(session, path);
        if (!Files.isRegularFile(file)) {
            throw new LabException(LabException.Kind.NOT_FOUND, "no file '" + path + "' in the workspace");
        }
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new LabException(LabException.Kind.TOO_LARGE, "'" + path + "' is larger than "
                        + MAX_FILE_BYTES / 1024 + " KiB");
            }
            return Files.readString(file);
        } catch (MalformedInputException e) {
            throw new LabException(LabException.Kind.BAD_INPUT, "'" + path + "' is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a workspace file (the owner's edit) without applying it. */
    public void writeFile(AccountView actor, String sessionId, String path, String content) {
        LabSession session = running(actor, sessionId, true);
        resolve(session, path);
        if (content.length() > MAX_FILE_BYTES) {
            throw new LabException(LabException.Kind.TOO_LARGE, "a workspace file may hold at most "
                    + MAX_FILE_BYTES / 1024 + " KiB");
        }
        try {
            session.writeFile(path, content);
        } catch (IllegalArgumentException e) {
            throw new LabException(LabException.Kind.BAD_INPUT, "path '" + path + "' " + e.getMessage());
        }
    }

    private static Path resolve(LabSession session, String path) {
        try {
            return session.workspaceFile(path);
        } catch (IllegalArgumentException e) {
            throw new LabException(LabException.Kind.BAD_INPUT, "path '" + path + "' " + e.getMessage());
        }
    }

    /** Validates the workspace with promtool/amtool and reloads the components; nothing reloads when one fails. */
    public ApplyResult apply(AccountView actor, String sessionId) {
        LabSession session = running(actor, sessionId, true);
        ApplyResult result = session.reload();
        Live tracked = find(sessionId).orElse(null);
        if (tracked != null) {
            tracked.notifyListeners();
        }
        return result;
    }

    // ---------------------------------------------------------------- checks

    /**
     * Runs every check of the session's lab (its owner only), telling {@code onResult} of each result as it
     * comes, stores the run, and publishes {@link LabPassed} when every check passed. Observed as
     * {@code ladder.labs.checks} ("run lab checks", tags lab and passed).
     *
     * @throws LabException CONFLICT when the session is not ready or a run is under way
     */
    public LabCheckRun runChecks(AccountView actor, String sessionId, Consumer<LabCheck> onResult) {
        LabSession session = running(actor, sessionId, true);
        Live tracked = find(sessionId).orElse(null);
        if (tracked == null || !tracked.checking.compareAndSet(false, true)) {
            throw new LabException(LabException.Kind.CONFLICT, "the checks are already running; wait for their results");
        }
        tracked.notifyListeners();
        Observation observation = Observation.createNotStarted("ladder.labs.checks", observations)
                .contextualName("run lab checks").lowCardinalityKeyValue("lab", session.definition().id())
                .lowCardinalityKeyValue("passed", "none").start(); // the same tag keys whatever happens
        try (Observation.Scope scope = observation.openScope()) {
            Instant ranAt = now();
            CheckReport report = checks.run(session, result -> onResult.accept(new CheckResultRow(result).toCheck()));
            observation.lowCardinalityKeyValue("passed", Boolean.toString(report.allPassed()));
            List<CheckResultRow> rows = report.results().stream().map(CheckResultRow::new).toList();
            LabDefinition lab = session.definition();
            CheckRunRecord stored = transaction.execute(status -> {
                CheckRunRecord run = runs.saveAndFlush(new CheckRunRecord(sessionId, actor.id(), lab.id(), ranAt,
                        report.allPassed(), report.total().toMillis(), rows));
                if (report.allPassed()) {
                    events.publishEvent(new LabPassed(sessionId, actor.id(), lab.id(), lab.title(), lab.rung(),
                            lab.topics(), evidence(lab, report, ranAt), ranAt));
                }
                return run;
            });
            return Objects.requireNonNull(stored).toRun();
        } catch (RuntimeException e) {
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
            tracked.checking.set(false);
            tracked.notifyListeners();
        }
    }

    private static String evidence(LabDefinition lab, CheckReport report, Instant at) {
        return "Passed the lab \"" + lab.title() + "\" (" + lab.id() + ") on " + at.truncatedTo(ChronoUnit.SECONDS)
                + ": every check passed in " + report.total().toMillis() + " ms\n"
                + report.results().stream().map(result -> "- " + result.checkId() + ": " + result.description())
                        .collect(Collectors.joining("\n"));
    }

    /**
     * The full answer of one check, for the session's owner who asks for it after the check did not pass: hints
     * teach in tiers, and the answer is given only on request (a mentor sees the lab's solution in the catalog).
     *
     * @throws LabException NOT_FOUND for an unknown session, check or a check without an answer; FORBIDDEN for
     *                      anyone but the owner; CONFLICT when the session's latest check run did not fail that check
     */
    public String answer(AccountView actor, String sessionId, String checkId) {
        LabSessionRecord record = visible(actor, sessionId);
        if (record.getAccountId() != actor.id()) {
            throw new LabException(LabException.Kind.FORBIDDEN, "only the learner who started this session may ask for its answers");
        }
        CheckSpec check = folder(record.getLabId()).definition().check(checkId)
                .orElseThrow(() -> new LabException(LabException.Kind.NOT_FOUND,
                        "no check '" + checkId + "' in lab '" + record.getLabId() + "'"));
        if (check.answer() == null) {
            throw new LabException(LabException.Kind.NOT_FOUND, "check '" + checkId + "' has no written answer; its hints are all there is");
        }
        List<CheckRunRecord> stored = runs.findBySessionIdOrderByIdAsc(sessionId);
        boolean failed = !stored.isEmpty() && stored.getLast().toRun().checks().stream()
                .anyMatch(result -> result.id().equals(checkId) && !result.passed());
        if (!failed) {
            throw new LabException(LabException.Kind.CONFLICT, "run the checks first: the answer is given for a check "
                    + "that did not pass in the latest run");
        }
        return check.answer();
    }

    // ---------------------------------------------------------------- access and state

    private LabSessionRecord visible(AccountView actor, String sessionId) {
        LabSessionRecord record = sessions.findById(sessionId)
                .orElseThrow(() -> new LabException(LabException.Kind.NOT_FOUND, "no lab session " + sessionId));
        if (record.getAccountId() != actor.id() && !actor.isMentorOrAdmin()) {
            // another learner's session: answered as if it did not exist
            throw new LabException(LabException.Kind.NOT_FOUND, "no lab session " + sessionId);
        }
        return record;
    }

    /** The running session behind an id the actor may see; {@code owner} for changes. */
    private LabSession running(AccountView actor, String sessionId, boolean owner) {
        LabSessionRecord record = visible(actor, sessionId);
        if (owner && record.getAccountId() != actor.id()) {
            throw new LabException(LabException.Kind.FORBIDDEN, "only the learner who started this session may change it");
        }
        Live session = find(sessionId).orElse(null);
        LabSession running = session == null ? null : session.session;
        if (running == null || record.getState() != LabSessionState.READY) {
            throw new LabException(LabException.Kind.CONFLICT, "the session is " + record.getState().apiName()
                    + (record.getState().active() ? "; wait until it is ready" : ": " + record.getMessage()));
        }
        return running;
    }

    /** The running session behind an id, for the component proxy: owner or mentor, else not found. */
    public Optional<String> componentUrl(AccountView actor, String sessionId, String component) {
        LabSessionRecord record = visible(actor, sessionId);
        Live session = find(record.getId()).orElse(null);
        LabSession running = session == null ? null : session.session;
        if (running == null || !running.ports().containsKey(component)
                || running.definition().component(component).map(spec -> !ladder.labs.runtime.ComponentRecipe.of(spec.kind()).servesHttp())
                        .orElse(true)) {
            return Optional.empty(); // no such component, or one without a web side (PostgreSQL): nothing to forward to
        }
        return Optional.of(running.url(component));
    }

    private static void requireMentorOrAdmin(AccountView actor) {
        if (!actor.isMentorOrAdmin()) {
            throw new LabException(LabException.Kind.FORBIDDEN, "only mentors and admins may see everyone's lab results");
        }
    }

    private LabSessionInfo info(String sessionId, AccountView actor) {
        return info(sessions.findById(sessionId).orElseThrow(), actor);
    }

    private Optional<Live> find(String sessionId) {
        return live.stream().filter(session -> sessionId.equals(session.id())).findFirst();
    }

    private LabSessionInfo info(LabSessionRecord record, AccountView actor) {
        Live session = find(record.getId()).orElse(null);
        String title = labs().stream().filter(folder -> folder.definition().id().equals(record.getLabId()))
                .map(folder -> folder.definition().title()).findFirst().orElse(record.getLabId());
        String owner = accounts.find(record.getAccountId()).map(AccountView::handle)
                .orElse("#" + record.getAccountId());
        List<LabSessionInfo.Component> components = new ArrayList<>();
        if (session != null) {
            for (ComponentSpec spec : session.lab.definition().components()) {
                String state = session.components.getOrDefault(spec.name(), "waiting");
                String url = !"ready".equals(state) || !ladder.labs.runtime.ComponentRecipe.of(spec.kind()).servesHttp() ? null
                        : "/labs/sessions/" + record.getId() + "/ui/" + spec.name() + "/"
                        + (spec.kind() == ComponentKind.ZIPKIN ? "zipkin/" : ""); // Zipkin's UI is under /zipkin/
                components.add(new LabSessionInfo.Component(spec.name(), spec.kind().yamlName(), state, url));
            }
        }
        List<LabSessionInfo.PlannedCheck> planned = labs().stream()
                .filter(folder -> folder.definition().id().equals(record.getLabId())).findFirst()
                .map(folder -> folder.definition().checks().stream()
                        .map(check -> new LabSessionInfo.PlannedCheck(check.id(), check.description(),
                                check.poll() == null ? null : check.timeout(), check.answer() != null))
                        .toList())
                .orElse(List.of());
        boolean yours = actor.id() == record.getAccountId();
        return new LabSessionInfo(record.getId(), record.getLabId(), title, record.getAccountId(), owner, yours,
                record.getState(), record.getMessage(), record.getStartedAt(), record.getExpiresAt(),
                record.getEndedAt(), components, session == null ? List.of() : List.copyOf(session.progress),
                session != null && session.checking.get(), planned);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A session this Ladder started and has not seen end. */
    private static final class Live {
        final CompletableFuture<String> idFuture = new CompletableFuture<>();
        final CompletableFuture<@Nullable Void> recorded = new CompletableFuture<>();
        final long accountId;
        final LabFolder lab;
        final Map<String, String> components = new ConcurrentHashMap<>();
        final List<String> progress = new CopyOnWriteArrayList<>();
        final List<Runnable> listeners = new CopyOnWriteArrayList<>();
        final AtomicBoolean checking = new AtomicBoolean();
        volatile @Nullable LabSession session;
        volatile boolean stopRequested;
        volatile @Nullable String endReason;

        Live(long accountId, LabFolder lab) {
            this.accountId = accountId;
            this.lab = lab;
        }

        /** The runtime's id of the session, or null until its first progress. */
        @Nullable String id() {
            return idFuture.getNow(null);
        }

        void notifyListeners() {
            for (Runnable listener : listeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    log.debug("a lab session listener failed", e);
                }
            }
        }
    }
}
