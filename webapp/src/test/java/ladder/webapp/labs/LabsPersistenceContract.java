package ladder.webapp.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import ladder.model.lab.CheckResult;
import ladder.model.lab.CheckStatus;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the labs need of the database, run against H2 and a real PostgreSQL by the two subclasses: the
 * migration, a session's states read back exactly, a check run's results in the lab's order, and the
 * start-up sweep of sessions a previous Ladder left active.
 */
abstract class LabsPersistenceContract {

    @Autowired LabSessionRepository sessions;
    @Autowired CheckRunRepository runs;
    @Autowired LabService labs;
    @Autowired Flyway flyway;

    static final Instant AT = Instant.parse("2026-11-30T10:15:30.123456Z");

    static long someAccount() {
        return ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
    }

    static CheckResult result(String id, CheckStatus status, String observed) {
        return new CheckResult(id, "promql", "description of " + id, status, observed, "expected of " + id,
                "hint of " + id, Duration.ofMillis(1234), 3, Map.of());
    }

    @Test
    void the_labs_migration_is_applied() {
        assertThat(flyway.info().applied()).extracting(MigrationInfo::getScript).contains("V30__lab_sessions.sql");
    }

    @Test
    void a_session_reads_back_as_stored_through_its_states() {
        long account = someAccount();
        String id = "metrics-" + Long.toHexString(account);
        sessions.saveAndFlush(new LabSessionRecord(id, account, "metrics", "process", AT, AT.plus(Duration.ofMinutes(30))));
        LabSessionRecord record = sessions.findById(id).orElseThrow();
        assertThat(record.getState()).isEqualTo(LabSessionState.STARTING);
        assertThat(record.getStartedAt()).isEqualTo(AT);

        record.ready(AT.plusSeconds(1800));
        sessions.saveAndFlush(record);
        LabSessionRecord ready = sessions.findById(id).orElseThrow();
        ready.end(LabSessionState.STOPPED, "stopped by you", AT.plusSeconds(60));
        sessions.saveAndFlush(ready);

        LabSessionRecord stopped = sessions.findById(id).orElseThrow();
        assertThat(stopped.getState()).isEqualTo(LabSessionState.STOPPED);
        assertThat(stopped.getMessage()).isEqualTo("stopped by you");
        assertThat(stopped.getEndedAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(sessions.findByAccountIdAndStateIn(account, List.of(LabSessionState.STARTING, LabSessionState.READY)))
                .isEmpty();
    }

    @Test
    void a_check_run_keeps_each_result_in_the_labs_order_and_the_first_pass_counts() {
        long account = someAccount();
        String id = "alerting-" + Long.toHexString(account);
        sessions.saveAndFlush(new LabSessionRecord(id, account, "alerting", "process", AT, AT.plusSeconds(1800)));
        List<CheckResult> failing = List.of(result("z-last-alphabetically", CheckStatus.PASS, "ok"),
                result("a-first", CheckStatus.FAIL, "found 0 series ".repeat(400)),
                result("m-skipped", CheckStatus.SKIPPED, "skipped: it needs `a-first`"));
        runs.saveAndFlush(new CheckRunRecord(id, account, "alerting", AT, false, 4000,
                failing.stream().map(CheckResultRow::new).toList()));
        runs.saveAndFlush(new CheckRunRecord(id, account, "alerting", AT.plusSeconds(60), true, 3000,
                failing.stream().map(r -> result(r.checkId(), CheckStatus.PASS, "ok")).map(CheckResultRow::new).toList()));
        runs.saveAndFlush(new CheckRunRecord(id, account, "alerting", AT.plusSeconds(120), true, 2000,
                failing.stream().map(r -> result(r.checkId(), CheckStatus.PASS, "ok")).map(CheckResultRow::new).toList()));

        List<CheckRunRecord> stored = runs.findBySessionIdOrderByIdAsc(id);
        assertThat(stored).hasSize(3);
        LabCheckRun first = stored.getFirst().toRun();
        assertThat(first.passed()).isFalse();
        assertThat(first.checks()).extracting(LabCheck::id).containsExactly("z-last-alphabetically", "a-first", "m-skipped");
        assertThat(first.checks()).extracting(LabCheck::status)
                .containsExactly(CheckStatus.PASS, CheckStatus.FAIL, CheckStatus.SKIPPED);
        LabCheck failed = first.checks().get(1);
        assertThat(failed.observed()).hasSize(4000).endsWith("...");
        assertThat(failed.hint()).isEqualTo("hint of a-first");
        assertThat(failed.durationMs()).isEqualTo(1234);
        assertThat(labs.labsPassedBy(account)).containsExactly(Map.entry("alerting", AT.plusSeconds(60)));
    }

    @Test
    void sessions_a_previous_ladder_left_active_are_stored_as_stopped_at_start_up() {
        long account = someAccount();
        String starting = "slo-" + Long.toHexString(account);
        String ready = "tracing-" + Long.toHexString(account);
        sessions.saveAndFlush(new LabSessionRecord(starting, account, "slo", "process", AT, AT.plusSeconds(1800)));
        LabSessionRecord record = new LabSessionRecord(ready, account, "tracing", "process", AT, AT.plusSeconds(1800));
        record.ready(AT.plusSeconds(1800));
        sessions.saveAndFlush(record);

        assertThat(labs.endLeftovers("ended: Ladder restarted")).isGreaterThanOrEqualTo(2);

        for (String id : List.of(starting, ready)) {
            LabSessionRecord ended = sessions.findById(id).orElseThrow();
            assertThat(ended.getState()).isEqualTo(LabSessionState.STOPPED);
            assertThat(ended.getMessage()).isEqualTo("ended: Ladder restarted");
            assertThat(ended.getEndedAt()).isNotNull().isAfter(AT.truncatedTo(ChronoUnit.DAYS));
        }
    }
}
