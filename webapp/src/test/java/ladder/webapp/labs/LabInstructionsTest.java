package ladder.webapp.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LabInstructionsTest {

    @Test
    void markdown_becomes_html_in_one_root_with_tables() {
        String html = LabInstructions.toHtml("# Title\n\nSome `code`.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");

        assertThat(html).startsWith("<div class=\"ladder-lab-instructions\">").endsWith("</div>")
                .contains("<h1>Title</h1>", "<code>code</code>", "<table>", "<td>1</td>");
    }

    @Test
    void raw_html_and_script_links_are_shown_as_text_never_run() {
        String html = LabInstructions.toHtml("<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
                + "[click](javascript:alert(3)) and ![i](data:text/html,x)\n");

        assertThat(html).doesNotContain("<script", "<img src=x", "javascript:", "data:text")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;");
    }

    @Test
    void every_shipped_labs_instructions_render() throws Exception {
        try (var labs = Files.list(Path.of("../labs/catalog"))) {
            for (Path lab : labs.filter(Files::isDirectory).toList()) {
                String html = LabInstructions.toHtml(Files.readString(lab.resolve("instructions.md")));
                assertThat(html).as(lab.toString()).contains("<h1>").doesNotContain("<script");
            }
        }
    }
}
