package ladder.webapp.support;

import java.util.Optional;
import ladder.labs.runtime.DockerLabRuntime;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where the Docker runtime can run ({@link DockerLabRuntime#unavailableReason()}: an
 * engine answers and Ryuk is off), and prints why not otherwise, so a skip is never silent. Like
 * {@code @Testcontainers(disabledWithoutDocker = true)}, with the reason.
 */
@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
@java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
@ExtendWith(DockerAvailable.Condition.class)
public @interface DockerAvailable {

    final class Condition implements ExecutionCondition {
        private static volatile Optional<String> reason;

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<String> why = reason;
            if (why == null) {
                why = DockerLabRuntime.unavailableReason();
                reason = why;
            }
            if (why.isEmpty()) {
                return ConditionEvaluationResult.enabled("a Docker engine answers");
            }
            String message = "skipped, the docker runtime cannot run here: " + why.get();
            System.out.println("[" + context.getDisplayName() + "] " + message);
            return ConditionEvaluationResult.disabled(message);
        }
    }
}
