package ladder.webapp.roadmap;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the roadmap feature.
 *
 * @param dotCommand   the Graphviz {@code dot} executable, a name on the PATH or a path ({@code LADDER_DOT})
 * @param dotTimeout   longest a single {@code dot} run may take before it is killed
 * @param seedFile     the DOT file imported as the default roadmap on first start ({@code LADDER_ROADMAP});
 *                     when empty, {@code roadmap.gv} in the working directory, else the bundled copy
 */
@ConfigurationProperties("ladder.roadmap")
public record RoadmapProperties(@Nullable String dotCommand, @Nullable Duration dotTimeout,
        @Nullable String seedFile) {

    public String dotCommandOrDefault() {
        return dotCommand == null || dotCommand.isBlank() ? "dot" : dotCommand;
    }

    public Duration dotTimeoutOrDefault() {
        return dotTimeout == null ? Duration.ofSeconds(5) : dotTimeout;
    }

}
