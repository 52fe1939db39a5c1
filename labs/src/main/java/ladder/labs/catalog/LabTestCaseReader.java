package ladder.labs.catalog;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ladder.model.lab.CheckSpec;
import ladder.model.lab.ComponentSpec;
import ladder.model.lab.LabDefinition;
import ladder.model.lab.LabDefinitionProblem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The fourth job of loading a lab: its {@code tests/} cases (other correct solutions, common mistakes), each a
 * folder with a {@code case.yaml} that says whether it passes or which checks it fails, naming checks of the lab.
 */
final class LabTestCaseReader {

    private LabTestCaseReader() {}

    /** Reads {@code tests/<case>/case.yaml} of every case folder, in name order. */
    static List<LabTestCase> read(Path directory, LabDefinition definition, List<LabDefinitionProblem> problems) {
        Path tests = directory.resolve(LabFolder.TESTS_DIR);
        if (!Files.isDirectory(tests)) {
            return List.of();
        }
        List<Path> folders;
        try (Stream<Path> list = Files.list(tests)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            problems.add(new LabDefinitionProblem(tests.toString(), 0, "(folder)", "cannot be read: " + e.getMessage()));
            return List.of();
        }
        List<String> componentNames = definition.components().stream().map(ComponentSpec::name).toList();
        List<String> checkIds = definition.checks().stream().map(CheckSpec::id).toList();
        List<LabTestCase> cases = new ArrayList<>();
        for (Path folder : folders) {
            Path caseFile = folder.resolve(LabTestCase.CASE_FILE);
            String file = caseFile.toString();
            if (!Files.isRegularFile(caseFile)) {
                problems.add(new LabDefinitionProblem(file, 0, "(file)", "is missing: a case says whether it passes or which checks it fails"));
                continue;
            }
            Node node;
            try (Reader reader = Files.newBufferedReader(caseFile, StandardCharsets.UTF_8)) {
                node = new Yaml(new LoaderOptions()).compose(reader);
            } catch (YAMLException | IOException e) {
                problems.add(new LabDefinitionProblem(file, 0, "(syntax)", "is not valid YAML: " + e.getMessage()));
                continue;
            }
            if (node == null) {
                problems.add(new LabDefinitionProblem(file, 0, "(document)", "is empty"));
                continue;
            }
            cases.add(testCase(folder, YamlFields.of(file, "", node, problems), checkIds));
            LabFolderChecks.checkTree(folder, componentNames, caseFile, problems);
        }
        return cases;
    }

    private static LabTestCase testCase(Path folder, YamlFields fields, List<String> checkIds) {
        String description = fields.string("description", true);
        String base = fields.string("base", "files");
        if (!base.equals("files") && !base.equals("solution")) {
            fields.problem(fields.field("base"), "'" + base + "' must be `files` (the starting files) or `solution`");
        }
        String expect = fields.string("expect", true);
        if (expect != null && !expect.equals("pass") && !expect.equals("fail")) {
            fields.problem(fields.field("expect"), "'" + expect + "' must be `pass` or `fail`");
        }
        List<String> fails = fields.strings("fails", false);
        List<String> mayFail = fields.strings("may-fail", false);
        Map<String, String> says = fields.stringMap("says");
        boolean passes = "pass".equals(expect);
        if (passes && (!fails.isEmpty() || !says.isEmpty())) {
            fields.problem(fields.field("fails"), "a case that passes fails no check: drop `fails` and `says`");
        }
        if (!passes && expect != null && fails.isEmpty()) {
            fields.problem(fields.field("fails"), "must name the checks this mistake fails");
        }
        for (String id : mayFail) {
            if (!checkIds.contains(id)) {
                fields.problem(fields.field("may-fail"), "'" + id + "' is not a check of this lab");
            }
        }
        for (String id : fails) {
            if (!checkIds.contains(id)) {
                fields.problem(fields.field("fails"), "'" + id + "' is not a check of this lab (known: " + String.join(", ", checkIds) + ")");
            }
        }
        for (String id : says.keySet()) {
            if (!fails.contains(id)) {
                fields.problem(fields.field("says"), "'" + id + "' is not among the checks in `fails`");
            }
        }
        fields.rejectUnknownFields(List.of("description", "base", "expect", "fails", "may-fail", "says"));
        return new LabTestCase(folder.getFileName().toString(), folder, description == null ? "" : description,
                base.equals("solution"), passes, fails, mayFail, says);
    }
}
