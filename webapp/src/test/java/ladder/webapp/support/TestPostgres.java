package ladder.webapp.support;

import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL for tests: the one named by {@code LADDER_TEST_POSTGRES_URL} (with
 * {@code LADDER_TEST_POSTGRES_USERNAME} and {@code LADDER_TEST_POSTGRES_PASSWORD}; {@code .ci/run} starts
 * it), else a Testcontainers PostgreSQL when a Docker engine answers. With neither, tests using it are
 * disabled with that reason in the report, never silently. Each Spring context gets its own schema.
 */
public final class TestPostgres implements ExecutionCondition {

    private static @Nullable PostgreSQLContainer container;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (env("LADDER_TEST_POSTGRES_URL") != null) {
            return ConditionEvaluationResult.enabled("PostgreSQL from LADDER_TEST_POSTGRES_URL");
        }
        if (dockerAvailable()) {
            return ConditionEvaluationResult.enabled("PostgreSQL from Testcontainers");
        }
        String reason = "SKIPPED: no PostgreSQL for this test: set LADDER_TEST_POSTGRES_URL (and _USERNAME, _PASSWORD), "
                + "as .ci/run does, or run a Docker engine for Testcontainers";
        System.err.println("[ladder] " + context.getDisplayName() + ": " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    /** Points the Spring context at a fresh schema of the test PostgreSQL. */
    public static void register(DynamicPropertyRegistry registry) {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        String url;
        String username;
        String password;
        if (env("LADDER_TEST_POSTGRES_URL") != null) {
            url = env("LADDER_TEST_POSTGRES_URL");
            username = env("LADDER_TEST_POSTGRES_USERNAME");
            password = env("LADDER_TEST_POSTGRES_PASSWORD");
        } else {
            PostgreSQLContainer postgres = container();
            url = postgres.getJdbcUrl();
            username = postgres.getUsername();
            password = postgres.getPassword();
        }
        String jdbcUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        registry.add("spring.datasource.url", () -> jdbcUrl);
        registry.add("spring.datasource.username", () -> username == null ? "" : username);
        registry.add("spring.datasource.password", () -> password == null ? "" : password);
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.default-schema", () -> schema);
        registry.add("spring.flyway.create-schemas", () -> "true");
    }

    private static synchronized PostgreSQLContainer container() {
        if (container == null) {
            PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:16-alpine");
            postgres.start(); // Ryuk removes it when the test JVM ends
            container = postgres;
        }
        return container;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static @Nullable String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }
}
