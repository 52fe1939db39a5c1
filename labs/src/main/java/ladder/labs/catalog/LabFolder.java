package ladder.labs.catalog;

import java.nio.file.Path;
import ladder.model.lab.LabDefinition;

/**
 * A lab on disk: its folder and its validated definition.
 *
 * @param directory  the lab's folder ({@code labs/catalog/<id>})
 * @param definition the parsed {@code lab.yaml}
 */
public record LabFolder(Path directory, LabDefinition definition) {

    public static final String DEFINITION_FILE = "lab.yaml";
    public static final String INSTRUCTIONS_FILE = "instructions.md";
    public static final String FILES_DIR = "files";
    public static final String SOLUTION_DIR = "solution";

    public Path instructions() {
        return directory.resolve(INSTRUCTIONS_FILE);
    }

    /** The learner's starting workspace. */
    public Path files() {
        return directory.resolve(FILES_DIR);
    }

    /** The reference solution's files, overlaid on the workspace. */
    public Path solution() {
        return directory.resolve(SOLUTION_DIR);
    }
}
