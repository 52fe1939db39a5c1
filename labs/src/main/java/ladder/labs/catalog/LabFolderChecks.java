package ladder.labs.catalog;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import ladder.model.lab.ComponentKind;
import ladder.model.lab.ComponentSpec;
import ladder.model.lab.LabDefinitionProblem;
import ladder.model.lab.LabPlaceholders;
import ladder.model.lab.RelativePath;
import org.jspecify.annotations.Nullable;

/**
 * The third job of loading a lab: the files around {@code lab.yaml}. The instructions and the starting files exist,
 * each component's configuration file is among them, lab files are plain files (no symbolic links), and every
 * placeholder in them names a component of the lab.
 */
final class LabFolderChecks {

    private static final long MAX_RENDERED_BYTES = 1024 * 1024;

    private LabFolderChecks() {}

    static void check(Path directory, List<ComponentSpec> components, List<LabDefinitionProblem> problems) {
        if (!Files.isRegularFile(directory.resolve(LabFolder.INSTRUCTIONS_FILE))) {
            problems.add(new LabDefinitionProblem(directory.resolve(LabFolder.INSTRUCTIONS_FILE).toString(), 0, "(file)",
                    "is missing: every lab tells the learner what to do"));
        }
        Path files = directory.resolve(LabFolder.FILES_DIR);
        List<String> names = components.stream().map(ComponentSpec::name).toList();
        if (!Files.isDirectory(files)) {
            problems.add(new LabDefinitionProblem(files.toString(), 0, "(folder)", "is missing: the learner's starting workspace"));
        } else {
            checkTree(files, names, null, problems);
        }
        Path solution = directory.resolve(LabFolder.SOLUTION_DIR);
        if (Files.isDirectory(solution)) {
            checkTree(solution, names, null, problems);
        }
        for (ComponentSpec component : components) {
            // Grafana's configuration is its provisioning folder; every other kind's is one file
            boolean folder = component.kind() == ComponentKind.GRAFANA;
            if (component.config() != null && RelativePath.problemWith(component.config()) == null
                    && !(folder ? Files.isDirectory(files.resolve(component.config())) : Files.isRegularFile(files.resolve(component.config())))) {
                problems.add(new LabDefinitionProblem(directory.resolve(LabFolder.DEFINITION_FILE).toString(), 0,
                        "components." + component.name() + ".config",
                        "'" + component.config() + "' is not a " + (folder ? "folder" : "file") + " in " + files));
            }
        }
    }

    /** Refuses symbolic links and checks the placeholders of every file of a tree but {@code skipped}. */
    static void checkTree(Path tree, Collection<String> components, @Nullable Path skipped, List<LabDefinitionProblem> problems) {
        try (Stream<Path> walk = Files.walk(tree)) {
            for (Path path : walk.toList()) {
                if (Files.isSymbolicLink(path)) {
                    problems.add(new LabDefinitionProblem(path.toString(), 0, "(file)",
                            "is a symbolic link; lab files must be plain files"));
                } else if (Files.isRegularFile(path) && !path.equals(skipped)) {
                    checkPlaceholders(path, components, problems);
                }
            }
        } catch (IOException e) {
            problems.add(new LabDefinitionProblem(tree.toString(), 0, "(folder)", "cannot be read: " + e.getMessage()));
        }
    }

    private static void checkPlaceholders(Path path, Collection<String> components, List<LabDefinitionProblem> problems) {
        String text;
        try {
            if (Files.size(path) > MAX_RENDERED_BYTES) {
                return;
            }
            text = Files.readString(path);
        } catch (MalformedInputException e) {
            return; // not text: copied as it is, never rendered
        } catch (IOException e) {
            problems.add(new LabDefinitionProblem(path.toString(), 0, "(file)", "cannot be read: " + e.getMessage()));
            return;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (LabPlaceholders.Reference reference : LabPlaceholders.componentReferences(lines[i])) {
                if (!components.contains(reference.component())) {
                    problems.add(new LabDefinitionProblem(path.toString(), i + 1, "${" + reference.kind() + ":" + reference.component() + "}",
                            "names no component of this lab (known: " + String.join(", ", components.stream().sorted().toList()) + ")"));
                }
            }
        }
    }
}
