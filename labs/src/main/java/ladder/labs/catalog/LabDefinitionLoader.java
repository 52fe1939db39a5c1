package ladder.labs.catalog;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ladder.labs.catalog.LabYamlReader.Read;
import ladder.labs.catalog.LabYamlReader.ReadLab;
import ladder.model.lab.ComponentSpec;
import ladder.model.lab.InvalidLabException;
import ladder.model.lab.LabDefinition;
import ladder.model.lab.LabDefinitionProblem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a lab folder and validates it completely, in four jobs: {@code lab.yaml} to records, field by field
 * ({@link LabYamlReader}); what its parts say about each other, {@code needs} circles included
 * ({@link LabCrossReferences}, with the rule itself in {@link LabDefinition}); the files around it
 * ({@link LabFolderChecks}); the cases of {@code tests/} ({@link LabTestCaseReader}). Every problem names the file,
 * the line and the field, and all of them are reported at once.
 */
public final class LabDefinitionLoader {

    private static final long MAX_YAML_BYTES = 256 * 1024;

    /** Loads {@code <directory>/lab.yaml} and checks the folder around it. */
    public LabFolder load(Path directory) {
        Path yamlFile = directory.resolve(LabFolder.DEFINITION_FILE);
        String file = yamlFile.toString();
        List<LabDefinitionProblem> problems = new ArrayList<>();
        Node root = compose(directory, yamlFile);
        Path folderName = directory.getFileName();
        ReadLab read = new LabYamlReader(file, problems).read(root, folderName == null ? null : folderName.toString());
        Optional<LabDefinition> definition = LabCrossReferences.resolve(read);
        List<ComponentSpec> components = read.components().values().stream().map(Read::value).toList();
        LabFolderChecks.check(directory, components, problems);
        List<LabTestCase> cases = definition.map(lab -> LabTestCaseReader.read(directory, lab, problems)).orElse(List.of());
        if (!problems.isEmpty() || definition.isEmpty()) {
            throw new InvalidLabException(problems);
        }
        return new LabFolder(directory, definition.get(), cases);
    }

    /** The YAML document of {@code lab.yaml}; a missing, too large, unreadable or empty file is refused at once. */
    private static Node compose(Path directory, Path yamlFile) {
        String file = yamlFile.toString();
        if (!Files.isRegularFile(yamlFile)) {
            throw new InvalidLabException(List.of(new LabDefinitionProblem(
                    file, 0, "(file)", Files.isDirectory(directory) ? "is missing" : "the folder " + directory + " does not exist")));
        }
        Node root;
        try {
            if (Files.size(yamlFile) > MAX_YAML_BYTES) {
                throw new InvalidLabException(List.of(new LabDefinitionProblem(
                        file, 0, "(file)", "is larger than " + MAX_YAML_BYTES / 1024 + " KiB")));
            }
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(true); // reported by YamlFields with the line, not thrown
            options.setMaxAliasesForCollections(20);
            try (Reader reader = Files.newBufferedReader(yamlFile, StandardCharsets.UTF_8)) {
                root = new Yaml(options).compose(reader);
            }
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new InvalidLabException(List.of(new LabDefinitionProblem(
                    file, line, "(syntax)", "is not valid YAML: " + e.getProblem())));
        } catch (YAMLException | IOException e) {
            throw new InvalidLabException(List.of(new LabDefinitionProblem(
                    file, 0, "(file)", "cannot be read: " + e.getMessage())));
        }
        if (root == null) {
            throw new InvalidLabException(List.of(new LabDefinitionProblem(file, 0, "(document)", "is empty")));
        }
        return root;
    }
}
