package ladder.model.ladder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicCatalogTest {

    private static final String HEADER = "id\tname\tarea\tdescription\n";

    @Test
    void the_default_catalog_has_at_least_twelve_topics_with_unique_ids_and_descriptions() {
        TopicCatalog catalog = TopicCatalog.loadDefault();

        assertThat(catalog.topics()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(new HashSet<>(catalog.topics().stream().map(Topic::id).toList())).hasSameSizeAs(catalog.topics());
        assertThat(catalog.topics()).allSatisfy(topic -> assertThat(topic.description()).isNotBlank());
    }

    @Test
    void the_default_catalog_has_the_topics_the_labs_refer_to() {
        TopicCatalog catalog = TopicCatalog.loadDefault();

        for (String id : List.of("metrics", "alerting", "slo", "tracing", "linux", "logs")) {
            assertThat(catalog.requireActive(id).id()).isEqualTo(id);
        }
    }

    @Test
    void most_default_topics_say_what_knowledge_ability_and_action_mean_for_them() {
        List<Topic> topics = TopicCatalog.loadDefault().topics();

        long described = topics.stream()
                .filter(topic -> topic.describe(Rung.KNOWLEDGE).isPresent()
                        && topic.describe(Rung.ABILITY).isPresent()
                        && topic.describe(Rung.ACTION).isPresent())
                .count();
        assertThat(described).isGreaterThan(topics.size() / 2);
    }

    @Test
    void the_default_catalog_groups_topics_by_area_in_catalog_order() {
        Map<String, List<Topic>> byArea = TopicCatalog.loadDefault().activeByArea();

        assertThat(byArea.keySet()).startsWith("Observability").contains("Reliability", "Infrastructure", "Delivery");
        assertThat(byArea.get("Observability")).extracting(Topic::id).startsWith("metrics", "logs", "tracing");
    }

    @Test
    void a_catalog_reads_columns_in_any_order_with_rung_descriptions_retired_flags_and_comments() {
        TopicCatalog catalog = TopicCatalog.parse("""
                # a comment
                area\tid\tdescription\tname\tability\tretired

                Observability\tmetrics\tTime series.\tMetrics\tWrite a query.
                Old\tnagios\tChecks.\tNagios\t\ttrue
                """, "topics.tsv");

        assertThat(catalog.topics()).containsExactly(
                new Topic("metrics", "Metrics", "Observability", "Time series.", Map.of(Rung.ABILITY, "Write a query."),
                        false),
                new Topic("nagios", "Nagios", "Old", "Checks.", Map.of(), true));
        assertThat(catalog.active()).extracting(Topic::id).containsExactly("metrics");
        assertThat(catalog.find("nagios")).isPresent();
    }

    @Test
    void windows_line_ends_are_accepted() {
        TopicCatalog catalog = TopicCatalog.parse("id\tname\tarea\tdescription\r\nlogs\tLogs\tObs\tLines.\r\n", "t");

        assertThat(catalog.find("logs")).get().extracting(Topic::description).isEqualTo("Lines.");
    }

    @Test
    void a_duplicate_id_is_reported_with_both_lines() {
        assertThatThrownBy(() -> TopicCatalog.parse(HEADER + "logs\tLogs\tObs\t\nmetrics\tM\tObs\t\nlogs\tL\tObs\t\n",
                "topics.tsv"))
                .isInstanceOf(TopicCatalogException.class)
                .hasMessage("topics.tsv:4: duplicate topic id 'logs' (first on line 2)")
                .extracting(e -> ((TopicCatalogException) e).line()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Logs", "logs and traces", "1logs", "logs--x", "logs-", "lögs"})
    void an_id_that_is_not_a_slug_is_reported_with_its_line(String id) {
        assertThatThrownBy(() -> TopicCatalog.parse(HEADER + id + "\tLogs\tObs\t\n", "topics.tsv"))
                .isInstanceOf(TopicCatalogException.class)
                .hasMessageStartingWith("topics.tsv:2: topic id '" + id.strip() + "' is not a slug");
    }

    @Test
    void an_empty_id_name_or_area_is_reported() {
        assertThatThrownBy(() -> TopicCatalog.parse(HEADER + "\tLogs\tObs\t\n", "t"))
                .hasMessage("t:2: the topic id is empty");
        assertThatThrownBy(() -> TopicCatalog.parse(HEADER + "logs\t\tObs\t\n", "t"))
                .hasMessage("t:2: topic 'logs' has no name");
        assertThatThrownBy(() -> TopicCatalog.parse(HEADER + "logs\tLogs\n", "t"))
                .hasMessage("t:2: topic 'logs' has no area");
    }

    @Test
    void an_unknown_column_is_reported_with_the_known_ones() {
        assertThatThrownBy(() -> TopicCatalog.parse("id\tname\tarea\tdescription\twisdom\n", "t"))
                .isInstanceOf(TopicCatalogException.class)
                .hasMessageStartingWith("t:1: unknown column 'wisdom'; known columns: id, name, area, description,"
                        + " symbols, data");
    }

    @Test
    void a_missing_or_repeated_column_is_reported() {
        assertThatThrownBy(() -> TopicCatalog.parse("# topics\nid\tname\tdescription\n", "t"))
                .hasMessage("t:2: the header lacks the column 'area'");
        assertThatThrownBy(() -> TopicCatalog.parse("id\tname\tarea\tdescription\tname\n", "t"))
                .hasMessage("t:1: column 'name' appears twice");
    }

    @Test
    void a_line_with_more_cells_than_the_header_is_reported() {
        assertThatThrownBy(() -> TopicCatalog.parse(HEADER + "logs\tLogs\tObs\tLines.\textra\n", "t"))
                .hasMessage("t:2: expected at most 4 tab-separated cells as in the header, found 5");
    }

    @Test
    void a_retired_value_other_than_true_or_false_is_reported() {
        assertThatThrownBy(() -> TopicCatalog.parse("id\tname\tarea\tdescription\tretired\nlogs\tL\tO\t\tyes\n", "t"))
                .hasMessage("t:2: retired must be true, false or empty, not 'yes'");
    }

    @Test
    void a_file_without_a_header_is_reported() {
        assertThatThrownBy(() -> TopicCatalog.parse("# only a comment\n", "t"))
                .isInstanceOf(TopicCatalogException.class)
                .hasMessageContaining("no header line");
    }

    @Test
    void require_active_refuses_unknown_and_retired_topics() {
        TopicCatalog catalog = TopicCatalog.parse(
                "id\tname\tarea\tdescription\tretired\nnagios\tNagios\tOld\t\ttrue\n", "t");

        assertThatThrownBy(() -> catalog.requireActive("zabbix")).hasMessage("unknown topic 'zabbix'");
        assertThatThrownBy(() -> catalog.requireActive("nagios")).hasMessageContaining("retired");
    }

    @Test
    void a_catalog_built_from_topics_with_a_shared_id_is_refused() {
        Topic logs = new Topic("logs", "Logs", "Obs", "", Map.of(), false);

        assertThatThrownBy(() -> TopicCatalog.of(List.of(logs, logs))).hasMessageContaining("duplicate topic id 'logs'");
    }
}
