package ladder.webapp.account;

import java.util.Locale;

/** What a personal access token may do. */
public enum TokenScope {
    /** GET (and HEAD, OPTIONS) on {@code /api/**}; every other method is refused with 403. */
    READ,
    /** Everything its account may do on {@code /api/**}, except making more tokens (that needs the password). */
    WRITE,
    /**
     * Only the metrics scrape ({@code /actuator/prometheus}, {@code /actuator/info}), and only of an admin's
     * account: what Prometheus is given, so a scrape credential that leaks opens no data of the API.
     */
    METRICS;

    /** Parses {@code read}, {@code write} or {@code metrics} in any case; throws with the allowed names otherwise. */
    public static TokenScope parse(String name) {
        for (TokenScope scope : values()) {
            if (scope.name().equalsIgnoreCase(name.strip())) {
                return scope;
            }
        }
        throw new AccountException("unknown scope '" + name + "': use read, write or metrics");
    }

    /** As the API writes it: {@code read}, {@code write}, {@code metrics}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
