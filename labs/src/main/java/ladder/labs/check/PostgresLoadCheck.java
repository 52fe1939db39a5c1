package ladder.labs.check;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import ladder.model.lab.CheckType;
import org.jspecify.annotations.Nullable;

/**
 * {@code type: postgres-load}: at its first attempt Ladder opens the check's connections to the lab's PostgreSQL
 * (as {@code postgres}, with the session's password, at the session's host) and starts running short transactions
 * over them at the check's rate, a share of them rolled back; every attempt then grades the check's PromQL query
 * ({@code promql} or {@code promql-matches}) while the load is on. The connections are closed when the check ends
 * ({@link #close()}), whatever its result. A connection PostgreSQL refuses is an error naming how many it took.
 */
final class PostgresLoadCheck implements CheckEvaluator, AutoCloseable {

    private static final long RECONNECT_NANOS = 1_000_000_000L;

    private final CheckType.PostgresLoad check;
    private final CheckEvaluator grading;
    private final List<Connection> connections = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Long> openedAt = java.util.Collections.synchronizedList(new ArrayList<>());
    private @Nullable String url;
    private final Properties properties = new Properties();
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong rolledBack = new AtomicLong();
    private @Nullable Thread load;
    private volatile boolean closed;
    private volatile @Nullable String loadProblem;

    PostgresLoadCheck(CheckType.PostgresLoad check) {
        this.check = check;
        this.grading = CheckEvaluator.of(check.grading());
    }

    @Override
    public Outcome evaluate(CheckContext context) throws InterruptedException {
        if (load == null) {
            String refused = open(context);
            if (refused != null) {
                return Outcome.error(refused, check.connections() + " connections to " + check.database());
            }
            Thread.sleep(check.warmUp()); // the loader keeps it shorter than the timeout
        }
        Outcome graded = grading.evaluate(context);
        String held = String.format(Locale.ROOT, "with %d connections open and %d transactions committed, %d rolled back so far%s: ",
                connections.size(), committed.get(), rolledBack.get(), loadProblem == null ? "" : " (the load stopped: " + loadProblem + ")");
        return new Outcome(graded.status(), held + graded.observed(), graded.expected(), graded.captured());
    }

    private @Nullable String open(CheckContext context) {
        Integer port = context.session().ports().get(check.database());
        if (port == null) {
            return "no component '" + check.database() + "' in this lab";
        }
        String host = context.session().host();
        url = "jdbc:postgresql://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/postgres";
        properties.setProperty("user", "postgres");
        properties.setProperty("password", context.session().componentPassword());
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("ApplicationName", "ladder-check");
        for (int i = 0; i < check.connections(); i++) {
            try {
                connections.add(connect());
                openedAt.add(System.nanoTime());
            } catch (SQLException e) {
                return "PostgreSQL refused connection " + (i + 1) + " of " + check.connections() + " at " + host + ":" + port
                        + ": " + e.getMessage();
            }
        }
        load = check.transactionsPerSecond() > 0
                ? Thread.ofVirtual().name("postgres-load-" + check.database()).start(this::runTransactions)
                : Thread.ofVirtual().unstarted(() -> { }); // connections only: they are open, idle
        return null;
    }

    private Connection connect() throws SQLException {
        Connection connection = new org.postgresql.Driver().connect(java.util.Objects.requireNonNull(url), properties);
        if (connection == null) {
            throw new SQLException("the driver does not take " + url);
        }
        connection.setAutoCommit(false);
        return connection;
    }

    /**
     * Round robin over the connections at the check's rate; a share of the transactions rolls back, spread evenly. A
     * busy PostgreSQL backend reports its transaction counts to pg_stat_database only every ten seconds or so (when it
     * is idle long enough, or when it exits): so each connection that ran transactions is replaced by a new one about
     * every second, and the counts Prometheus sees follow the load within a scrape or two.
     */
    private void runTransactions() {
        long intervalNanos = (long) (1_000_000_000L / check.transactionsPerSecond());
        long next = System.nanoTime();
        double rollbackDebt = 0;
        for (long n = 0; !closed; n++) {
            Connection connection = connections.get((int) (n % connections.size()));
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
                rollbackDebt += check.rollbackShare();
                if (rollbackDebt >= 1) {
                    rollbackDebt -= 1;
                    connection.rollback();
                    rolledBack.incrementAndGet();
                } else {
                    connection.commit();
                    committed.incrementAndGet();
                }
            } catch (SQLException e) {
                if (!closed) {
                    loadProblem = e.getMessage();
                }
                return;
            }
            int index = (int) (n % connections.size());
            if (System.nanoTime() - openedAt.get(index) > RECONNECT_NANOS) {
                try {
                    connection.close(); // the backend exits and reports its counts
                    connections.set(index, connect());
                    openedAt.set(index, System.nanoTime());
                } catch (SQLException e) {
                    if (!closed) {
                        loadProblem = "cannot reconnect: " + e.getMessage();
                    }
                    return;
                }
            }
            next += intervalNanos;
            LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread running = load;
        if (running != null && running.isAlive()) {
            try {
                running.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Connection connection : List.copyOf(connections)) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the server may be gone already; nothing is left open on this side
            }
        }
        connections.clear();
    }
}
