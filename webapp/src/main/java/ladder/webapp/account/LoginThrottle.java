package ladder.webapp.account;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing. The check of the lock and the count of attempts are one atomic step per key, and an
 * attempt counts from the moment it starts, so a burst of concurrent guesses cannot all slip in before the lock
 * applies: at most {@value #FREE_ATTEMPTS} attempts in a row that have not yet been proven right may be under
 * way or failed; further ones wait for those to end, and once {@value #FREE_ATTEMPTS} have failed the key is
 * locked for 30 seconds, then twice as long after each further failure (one attempt at a time is let through
 * after a lock ends), up to 15 minutes. A right password clears the count. Concurrent sign-ins with the right
 * password (an API client's parallel requests) are never refused, at most queued behind a few others.
 *
 * <p>Sign-ins are counted per username <em>and</em> client address (IPv6 by its /64), not per account: someone
 * guessing from one address locks only that address out of that account, never the owner signing in from
 * elsewhere, admin included. The price is that guesses spread over many addresses are slowed per address only;
 * the 12-character minimum password is what bounds those. Usernames that have no account are counted the
 * same way, so the lock says nothing about whether an account exists. The password view counts guesses of
 * the current password per account (whoever guesses there already holds the session).
 *
 * <p>Counts live in memory: they are gone after a restart, which an attacker cannot cause, and the app runs as
 * one process. An admin who resets a password or re-enables an account clears its counts.
 */
@Component
class LoginThrottle {

    static final int FREE_ATTEMPTS = 5;
    private static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    private static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    /** Failures older than this, with no lock running, are forgotten: the count is of failures in a row. */
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** Longest wait for earlier attempts of the same key to end before this one is refused as locked. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(20);
    private static final int PRUNE_ABOVE = 20_000;

    /** One key's count; guarded by its own monitor. */
    private static final class Counter {
        int failures;
        int underWay;
        @Nullable Instant lockedUntil;
        Instant last = Instant.EPOCH;

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }

        boolean idleAt(Instant now) {
            return underWay == 0 && !lockedAt(now) && last.plus(FORGET_AFTER).isBefore(now);
        }
    }

    /**
     * One attempt: {@link #refused()} says how long the lock still runs (zero when the attempt may go ahead);
     * an attempt that went ahead must be ended with {@link #end}.
     */
    static final class Attempt {
        private final @Nullable Counter counter;
        private final Duration refused;
        private final Clock clock;

        private Attempt(@Nullable Counter counter, Duration refused, Clock clock) {
            this.counter = counter;
            this.refused = refused;
            this.clock = clock;
        }

        Duration refused() {
            return refused;
        }

        /** Ends an attempt that went ahead: a right password clears the count, a wrong one counts. */
        void end(boolean rightPassword) {
            if (counter == null) {
                return;
            }
            synchronized (counter) {
                counter.underWay--;
                if (rightPassword) {
                    counter.failures = 0;
                    counter.lockedUntil = null;
                } else {
                    counter.failures++;
                    Duration lock = lockFor(counter.failures);
                    if (!lock.isZero()) {
                        counter.lockedUntil = clock.instant().plus(lock);
                    }
                }
                counter.notifyAll();
            }
        }
    }

    private final ConcurrentHashMap<String, Counter> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    static Duration lockFor(int failuresInARow) {
        if (failuresInARow < FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failuresInARow - FREE_ATTEMPTS, 10);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }

    /** The key of sign-ins with this username (any case) from this client address. */
    static String signIn(String username, @Nullable String address) {
        return Account.key(username) + "|" + network(address);
    }

    /** The key of current-password checks on the password view of this account. */
    static String passwordChange(String username) {
        return Account.key(username) + "|password-view";
    }

    /**
     * Starts one attempt under {@code key}: at once when fewer than {@value #FREE_ATTEMPTS} attempts are failed
     * or under way, else after those under way have ended; refused while the key is locked.
     */
    Attempt attempt(String key) {
        long deadline = System.nanoTime() + LONGEST_WAIT.toNanos(); // waiting goes by the wall clock, locks by clock
        if (entries.size() > PRUNE_ABOVE) {
            Instant now = clock.instant();
            entries.values().removeIf(counter -> {
                synchronized (counter) {
                    return counter.idleAt(now);
                }
            });
        }
        Counter counter = entries.computeIfAbsent(key, k -> new Counter());
        synchronized (counter) {
            while (true) {
                Instant now = clock.instant();
                if (counter.lockedAt(now)) {
                    return new Attempt(null, Duration.between(now, counter.lockedUntil), clock);
                }
                if (counter.idleAt(now)) {
                    counter.failures = 0;
                }
                if (counter.underWay == 0 || counter.failures + counter.underWay < FREE_ATTEMPTS) {
                    counter.underWay++;
                    counter.last = now;
                    return new Attempt(counter, Duration.ZERO, clock);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return new Attempt(null, FIRST_LOCK, clock);
                }
                try {
                    counter.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Attempt(null, FIRST_LOCK, clock);
                }
            }
        }
    }

    /** Clears every count of this account: an admin reset its password or re-enabled it. */
    void forget(String username) {
        String prefix = Account.key(username) + "|";
        entries.keySet().removeIf(key -> key.startsWith(prefix));
    }

    /** The lock message, the same for every account and for usernames that have none. */
    static String lockMessage(Duration remaining) {
        return "Too many failed sign-ins: try again in " + Math.max(1, remaining.toSeconds()) + " s";
    }

    /** The client's network: the IPv4 address, or the /64 of an IPv6 one (one host usually holds a whole /64). */
    static String network(@Nullable String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (!address.contains(":")) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress(); // a literal: no name lookup
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(String.format(Locale.ROOT, "%02x%02x:", bytes[i], bytes[i + 1]));
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
