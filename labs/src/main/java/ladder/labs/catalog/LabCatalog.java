package ladder.labs.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import ladder.model.lab.InvalidLabException;
import org.jspecify.annotations.Nullable;

/** The lab folders under a catalog directory ({@code labs/catalog}), each loaded or with its problems. */
public final class LabCatalog {

    private final Path directory;
    private final LabDefinitionLoader loader;

    public LabCatalog(Path directory, LabDefinitionLoader loader) {
        this.directory = directory;
        this.loader = loader;
    }

    /**
     * One entry of the catalog.
     *
     * @param directory the lab folder
     * @param lab       the loaded lab, or null when invalid
     * @param problem   the validation problems, or null when valid
     */
    public record Entry(Path directory, @Nullable LabFolder lab, @Nullable InvalidLabException problem) {}

    /** The folder this catalog reads. */
    public Path directory() {
        return directory;
    }

    /** Every sub-folder holding a {@code lab.yaml}, sorted by name. */
    public List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return entries;
        }
        try (Stream<Path> children = Files.list(directory)) {
            for (Path child : children.sorted().toList()) {
                if (!Files.isRegularFile(child.resolve(LabFolder.DEFINITION_FILE))) {
                    continue;
                }
                try {
                    entries.add(new Entry(child, loader.load(child), null));
                } catch (InvalidLabException e) {
                    entries.add(new Entry(child, null, e));
                }
            }
        }
        return entries;
    }
}
