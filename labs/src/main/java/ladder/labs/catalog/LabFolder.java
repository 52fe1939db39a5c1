package ladder.labs.catalog;

import java.nio.file.Path;
import java.util.List;
import ladder.model.lab.LabDefinition;

/**
 * A lab on disk: its folder, its validated definition and the cases that prove its grading.
 *
 * @param directory  the lab's folder ({@code labs/catalog/<id>})
 * @param definition the parsed {@code lab.yaml}
 * @param testCases  the cases of {@code tests/} (other solutions and common mistakes), by folder name
 */
public record LabFolder(Path directory, LabDefinition definition, List<LabTestCase> testCases) {

    public LabFolder(Path directory, LabDefinition definition) {
        this(directory, definition, List.of());
    }

    public LabFolder {
        testCases = List.copyOf(testCases);
    }

    public static final String DEFINITION_FILE = "lab.yaml";
    public static final String INSTRUCTIONS_FILE = "instructions.md";
    public static final String FILES_DIR = "files";
    public static final String SOLUTION_DIR = "solution";
    public static final String TESTS_DIR = "tests";

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
