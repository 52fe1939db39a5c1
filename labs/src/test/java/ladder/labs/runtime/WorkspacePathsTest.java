package ladder.labs.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkspacePathsTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "../outside.yml | leaves the workspace with '..'",
        "rules/../../outside.yml | leaves the workspace with '..'",
        "/etc/passwd | is an absolute path",
        "~/secrets | is an absolute path",
        "C:/Windows/win.ini | is an absolute path",
        "rules\\..\\..\\x | contains a backslash",
        "'   ' | is empty"})
    void hostile_paths_are_refused_with_the_reason(String path, String reason) throws IOException {
        Path workspace = Files.createDirectories(temp.resolve("workspace"));

        assertThatThrownBy(() -> WorkspacePaths.resolve(workspace, path))
                .isInstanceOf(WorkspacePaths.UnsafePathException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void paths_inside_resolve_even_when_they_do_not_exist_yet() throws IOException {
        Path workspace = Files.createDirectories(temp.resolve("workspace"));

        assertThat(WorkspacePaths.resolve(workspace, "rules/new/../alerts.yml"))
                .isEqualTo(workspace.toRealPath().resolve("rules/alerts.yml"));
    }

    @Test
    void a_symbolic_link_to_a_file_outside_is_refused() throws IOException {
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Files.writeString(temp.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(workspace.resolve("innocent.yml"), temp.resolve("secret.txt"));

        assertThatThrownBy(() -> WorkspacePaths.resolve(workspace, "innocent.yml"))
                .hasMessageContaining("symbolic link that points outside the workspace");
    }

    @Test
    void a_symbolic_link_to_a_folder_outside_is_refused_for_paths_below_it() throws IOException {
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Files.createSymbolicLink(workspace.resolve("etc"), Path.of("/etc"));

        assertThatThrownBy(() -> WorkspacePaths.resolve(workspace, "etc/passwd"))
                .hasMessageContaining("symbolic link that points outside the workspace");
        assertThatThrownBy(() -> WorkspacePaths.resolve(workspace, "etc/not-there-yet.yml"))
                .hasMessageContaining("symbolic link that points outside the workspace");
    }

    @Test
    void a_symbolic_link_inside_the_workspace_is_allowed() throws IOException {
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Files.writeString(workspace.resolve("real.yml"), "x: 1");
        Files.createSymbolicLink(workspace.resolve("alias.yml"), workspace.resolve("real.yml"));

        assertThat(WorkspacePaths.resolve(workspace, "alias.yml")).isEqualTo(workspace.toRealPath().resolve("real.yml"));
    }

    @Test
    void copying_lab_files_refuses_a_symbolic_link_among_them() throws IOException {
        Path source = Files.createDirectories(temp.resolve("files"));
        Files.createSymbolicLink(source.resolve("passwd"), Path.of("/etc/passwd"));
        Path workspace = Files.createDirectories(temp.resolve("workspace"));

        assertThatThrownBy(() -> LabWorkspace.copyInto(source, workspace))
                .hasMessageContaining("'passwd' is a symbolic link");
        assertThat(workspace.resolve("passwd")).doesNotExist();
    }

    @Test
    void rendering_refuses_a_link_the_learner_made_to_a_file_outside() throws IOException {
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Files.createSymbolicLink(workspace.resolve("rules.yml"), Path.of("/etc/passwd"));

        assertThatThrownBy(() -> LabWorkspace.render(workspace, temp.resolve("rendered"), Map.of()))
                .hasMessageContaining("points outside the workspace");
        assertThat(temp.resolve("rendered/rules.yml")).doesNotExist();
    }

    @Test
    void rendering_replaces_placeholders_and_removes_files_gone_from_the_workspace() throws IOException {
        Path workspace = Files.createDirectories(temp.resolve("workspace"));
        Path rendered = temp.resolve("rendered");
        Files.writeString(workspace.resolve("prometheus.yml"), "targets: ['${host:shop}']\nreplacement: ${1}\n");
        Files.writeString(workspace.resolve("old.yml"), "x");
        LabWorkspace.render(workspace, rendered, Map.of("shop", 8081));
        Files.delete(workspace.resolve("old.yml"));

        LabWorkspace.render(workspace, rendered, Map.of("shop", 8081));

        assertThat(rendered.resolve("prometheus.yml")).hasContent("targets: ['127.0.0.1:8081']\nreplacement: ${1}\n");
        assertThat(rendered.resolve("old.yml")).doesNotExist();
    }
}
