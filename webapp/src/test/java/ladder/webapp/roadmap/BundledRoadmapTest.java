package ladder.webapp.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import ladder.model.roadmap.GoalStatus;
import ladder.model.roadmap.Roadmap;
import org.junit.jupiter.api.Test;

/** The jar carries the project's roadmap.gv, so the first start imports it wherever the jar runs. */
class BundledRoadmapTest {

    static String bundled() throws IOException {
        try (InputStream in = BundledRoadmapTest.class.getClassLoader().getResourceAsStream(FirstStartImport.BUNDLED)) {
            assertThat(in).as(FirstStartImport.BUNDLED + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_bundled_copy_is_the_top_level_roadmap_gv() throws IOException {
        Path topLevel = Path.of("..", "roadmap.gv"); // tests run in webapp/
        assertThat(topLevel).exists();
        assertThat(bundled()).isEqualTo(Files.readString(topLevel, StandardCharsets.UTF_8));
    }

    @Test
    void the_bundled_roadmap_reads_as_nine_pending_goals_with_their_participants() throws IOException {
        Roadmap roadmap = RoadmapService.parse(bundled());

        assertThat(roadmap.goals()).hasSize(9).allMatch(g -> g.status() == GoalStatus.PENDING);
        assertThat(roadmap.dependencies()).hasSize(9);
        assertThat(roadmap.goal("ivan_approved").orElseThrow().participants()).containsExactly("@igarridot");
    }
}
