package ladder.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages talk only through each other's public API: Spring Modulith checks it. The module
 * diagrams and canvases in {@code docs/modules} are the ones Spring Modulith's {@link Documenter} makes of
 * this code: a change of the modules' dependencies, events or listeners fails here until they are written
 * again ({@code -Dladder.docs.write=true}, then commit {@code docs/modules}). The same holds for the
 * Mermaid diagram in {@code docs/architecture.md}, made from the same module model.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(LadderApplication.class);

    /** Where the module docs are kept, from the web app's folder (Maven runs the tests there). */
    static final Path COMMITTED = Path.of("..", "docs", "modules");
    static final Path ARCHITECTURE = Path.of("..", "docs", "architecture.md");
    static final String DIAGRAM_START = "<!-- the modules' diagram, written by ModularityTests from the code -->";
    static final String DIAGRAM_END = "<!-- end of the modules' diagram -->";

    @Test
    void feature_packages_respect_their_boundaries() {
        MODULES.verify();
    }

    @Test
    void the_module_docs_in_docs_modules_are_the_ones_the_code_makes() throws IOException {
        Path generated = Path.of("target", "module-docs");
        DiagramOptions diagrams = DiagramOptions.defaults().withStyle(DiagramStyle.C4);
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml(diagrams)
                .writeIndividualModulesAsPlantUml(diagrams)
                .writeModuleCanvases();

        List<Path> made;
        try (Stream<Path> files = Files.list(generated)) {
            made = files.filter(file -> file.toString().endsWith(".puml") || file.toString().endsWith(".adoc"))
                    .sorted().toList();
        }
        assertThat(made).as("Documenter wrote the modules' diagrams").isNotEmpty();
        if (Boolean.getBoolean("ladder.docs.write")) {
            Files.createDirectories(COMMITTED);
            try (Stream<Path> old = Files.list(COMMITTED)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            for (Path file : made) {
                Files.copy(file, COMMITTED.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (Path file : made) {
            Path committed = COMMITTED.resolve(file.getFileName());
            assertThat(committed).as("docs/modules/%s is missing: run this test with -Dladder.docs.write=true "
                    + "and commit docs/modules", file.getFileName()).exists();
            assertThat(linesOf(committed)).as("docs/modules/%s is not what the code makes now: run this "
                    + "test with -Dladder.docs.write=true and commit docs/modules", file.getFileName())
                    .isEqualTo(linesOf(file));
        }
        try (Stream<Path> kept = Files.list(COMMITTED)) {
            assertThat(kept.map(file -> file.getFileName().toString()).sorted().toList())
                    .as("docs/modules holds only what Documenter makes")
                    .containsExactlyElementsOf(made.stream().map(file -> file.getFileName().toString()).toList());
        }
    }

    @Test
    void the_diagram_in_architecture_md_is_the_one_the_code_makes() throws IOException {
        String diagram = mermaid(MODULES);
        String doc = Files.readString(ARCHITECTURE);
        int start = doc.indexOf(DIAGRAM_START);
        int end = doc.indexOf(DIAGRAM_END);
        assertThat(start).as("docs/architecture.md has the diagram's markers").isNotNegative();
        assertThat(end).as("docs/architecture.md has the diagram's markers").isGreaterThan(start);
        String written = doc.substring(start + DIAGRAM_START.length(), end);
        if (Boolean.getBoolean("ladder.docs.write")) {
            Files.writeString(ARCHITECTURE, doc.substring(0, start + DIAGRAM_START.length()) + diagram
                    + doc.substring(end));
            written = diagram;
        }
        assertThat(written).as("the diagram in docs/architecture.md is not what the code makes now: run "
                + "ModularityTests with -Dladder.docs.write=true and commit docs/architecture.md").isEqualTo(diagram);
    }

    /**
     * The modules and their dependencies as a Mermaid flowchart (which GitHub draws): an arrow from the module
     * that uses to the one it uses, labelled with how (uses its beans, listens to its events, names its types).
     */
    static String mermaid(ApplicationModules modules) {
        List<ApplicationModule> sorted = modules.stream()
                .sorted(Comparator.comparing(ApplicationModule::getName)).toList();
        List<String> lines = new ArrayList<>();
        lines.add("```mermaid");
        lines.add("flowchart LR");
        for (ApplicationModule module : sorted) {
            lines.add("    " + module.getName() + "[" + module.getName() + "]");
        }
        for (ApplicationModule module : sorted) {
            Map<String, List<ApplicationModuleDependency>> byTarget = new TreeMap<>();
            module.getDirectDependencies(modules).stream().forEach(dependency -> byTarget
                    .computeIfAbsent(dependency.getTargetModule().getName(), target -> new ArrayList<>()).add(dependency));
            byTarget.forEach((target, dependencies) -> lines.add("    " + module.getName() + " -->|\""
                    + describe(dependencies) + "\"| " + target));
        }
        lines.add("```");
        return "\n" + String.join("\n", lines) + "\n";
    }

    /** "uses" (its beans), "listens to" (its events), else "refers to" (its types only). */
    private static String describe(List<ApplicationModuleDependency> dependencies) {
        List<String> how = new ArrayList<>();
        if (dependencies.stream().anyMatch(dependency -> dependency.getDependencyType() == DependencyType.USES_COMPONENT)) {
            how.add("uses");
        }
        Set<String> events = dependencies.stream()
                .filter(dependency -> dependency.getDependencyType() == DependencyType.EVENT_LISTENER)
                .map(dependency -> dependency.getTargetType().getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));
        if (!events.isEmpty()) {
            how.add("listens to " + String.join(", ", events));
        }
        return how.isEmpty() ? "refers to" : String.join("; ", how);
    }

    /**
     * A file's lines in sorted order: Documenter writes a diagram's relations in an order that changes from
     * run to run, and their order means nothing to PlantUML.
     */
    private static List<String> linesOf(Path file) throws IOException {
        return Files.readAllLines(file).stream().sorted().toList();
    }
}
