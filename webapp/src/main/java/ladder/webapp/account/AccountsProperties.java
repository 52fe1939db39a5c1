package ladder.webapp.account;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the account feature.
 *
 * @param adminPassword   password of the first admin ({@code LADDER_ADMIN_PASSWORD}); random when empty
 * @param metricsUsername username of the scrape-only account for {@code /actuator/prometheus} and
 *                        {@code /actuator/info} ({@code LADDER_METRICS_USERNAME}); none when empty
 * @param metricsPassword its password ({@code LADDER_METRICS_PASSWORD})
 */
@ConfigurationProperties("ladder.accounts")
public record AccountsProperties(
        @Nullable String adminPassword, @Nullable String metricsUsername, @Nullable String metricsPassword) {
}
