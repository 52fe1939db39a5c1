package ladder.webapp;

import java.util.Map;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the export of spans to Zipkin on exactly when an endpoint is configured
 * ({@code LADDER_ZIPKIN_ENDPOINT}, e.g. {@code http://zipkin:9411/api/v2/spans}): off by default, and
 * silent when there is no Zipkin, instead of a reporter that complains every second. One setting instead
 * of Spring Boot's two ({@code management.tracing.export.zipkin.enabled} and {@code .endpoint}).
 * Registered in {@code META-INF/spring.factories}, so it runs before the tracing auto-configuration.
 */
public class TracingExport implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String ENDPOINT_PROPERTY = "ladder.tracing.zipkin-endpoint";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String endpoint = event.getEnvironment().getProperty(ENDPOINT_PROPERTY, "").strip();
        if (!endpoint.isEmpty()) {
            event.getEnvironment().getPropertySources().addFirst(new MapPropertySource("ladderTracingExport", Map.of(
                    "management.tracing.export.zipkin.enabled", "true",
                    "management.tracing.export.zipkin.endpoint", endpoint)));
        }
    }
}
