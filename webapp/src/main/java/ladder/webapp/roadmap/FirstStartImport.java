package ladder.webapp.roadmap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import ladder.model.roadmap.DotImportException;
import ladder.model.roadmap.DotText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the first start (no roadmap stored yet) imports the team's roadmap as the default roadmap
 * "Team roadmap": the file named by {@code LADDER_ROADMAP}, else {@code roadmap.gv} in the working
 * directory, else the copy bundled in the jar. Later starts leave the stored roadmaps alone.
 */
@Component
class FirstStartImport implements ApplicationRunner {

    static final String NAME = "Team roadmap";
    static final String BUNDLED = "roadmap/roadmap.gv";
    private static final Logger LOG = LoggerFactory.getLogger(FirstStartImport.class);

    private final RoadmapRecordRepository roadmaps;
    private final RoadmapService service;
    private final RoadmapProperties properties;

    FirstStartImport(RoadmapRecordRepository roadmaps, RoadmapService service, RoadmapProperties properties) {
        this.roadmaps = roadmaps;
        this.service = service;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        if (roadmaps.count() > 0) {
            return;
        }
        String source;
        String dot;
        String configured = properties.seedFile();
        if (configured != null && !configured.isBlank()) {
            Path file = Path.of(configured);
            source = file.toAbsolutePath().toString();
            dot = text(Files.readAllBytes(file), source); // a wrong setting should stop the start, loudly
        } else if (Files.isRegularFile(Path.of("roadmap.gv"))) {
            source = Path.of("roadmap.gv").toAbsolutePath().toString();
            dot = text(Files.readAllBytes(Path.of("roadmap.gv")), source);
        } else {
            source = "the bundled roadmap.gv";
            try (InputStream in = FirstStartImport.class.getClassLoader().getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    LOG.warn("No roadmap to import on first start: {} is missing from the jar", BUNDLED);
                    return;
                }
                dot = text(in.readAllBytes(), source);
            }
        }
        RoadmapSnapshot created = service.create(NAME, RoadmapService.parse(dot), RoadmapService.SYSTEM);
        LOG.info("Imported '{}' from {}: {} goals, {} dependencies", NAME, source,
                created.roadmap().goals().size(), created.roadmap().dependencies().size());
    }

    /** The file as text, by its declared charset (UTF-8 unless it says e.g. {@code charset=latin1}). */
    private static String text(byte[] bytes, String source) {
        try {
            return DotText.decode(bytes);
        } catch (DotImportException e) {
            throw new IllegalStateException("cannot import the roadmap from " + source + ": " + e.getMessage(), e);
        }
    }
}
