package ladder.labs.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

/**
 * How the checks that follow a trace id read the answers they get: {@code exemplar-trace} from Prometheus's
 * {@code query_exemplars} (answers recorded from Debian's Prometheus 2.42 with {@code --enable-feature=exemplar-storage}
 * scraping an OpenMetrics histogram with exemplars), {@code logql} from Loki's streams (OTLP logs keep the trace id in
 * structured metadata, not in the line; the shapes are Loki 3's documented ones, no Loki runs here).
 */
class ExemplarAndLogTraceIdParsingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode recorded(String name) throws IOException {
        try (InputStream in = ExemplarAndLogTraceIdParsingTest.class.getResourceAsStream("/recorded/" + name)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void prometheus_exemplars_give_their_trace_ids_and_series() throws IOException {
        List<ExemplarTraceCheck.Exemplar> exemplars = ExemplarTraceCheck.exemplars(recorded("prometheus-2.42-query-exemplars.json"));

        assertThat(exemplars).extracting(ExemplarTraceCheck.Exemplar::traceId)
                .containsExactlyInAnyOrder("4bf92f3577b34da6a3ce929d0e0e4736", "7fd88167782fd1b7dd3f2b4428d3cce3");
        assertThat(exemplars).extracting(ExemplarTraceCheck.Exemplar::value).containsExactlyInAnyOrder(0.0021, 0.23);
        assertThat(exemplars.getFirst().series()).containsEntry("__name__", "http_server_requests_seconds_bucket")
                .containsEntry("service", "frontend").containsKey("le");
        assertThat(exemplars.getFirst().timestamp()).isGreaterThan(1.7e9);
    }

    @Test
    void no_exemplars_is_an_empty_list_and_an_exemplar_without_a_trace_id_has_none() throws IOException {
        assertThat(ExemplarTraceCheck.exemplars(recorded("prometheus-2.42-query-exemplars-none.json"))).isEmpty();

        JsonNode answer = JSON.readTree("""
                {"status":"success","data":[{"seriesLabels":{"__name__":"x_bucket","le":"1"},"exemplars":[
                  {"labels":{"request":"abc"},"value":"0.5","timestamp":1796137881.0},
                  {"labels":{"traceID":"7FD88167782FD1B7DD3F2B4428D3CCE3"},"value":"0.7","timestamp":1796137890.5}]}]}
                """);
        List<ExemplarTraceCheck.Exemplar> exemplars = ExemplarTraceCheck.exemplars(answer);

        assertThat(exemplars).extracting(ExemplarTraceCheck.Exemplar::traceId)
                .as("newest first; Tempo's spelling traceID, lower-cased").containsExactly("7fd88167782fd1b7dd3f2b4428d3cce3", null);
    }

    @Test
    void a_log_line_names_its_trace_in_its_text_or_in_its_structured_metadata() throws IOException {
        JsonNode none = JSON.readTree("{}");
        assertThat(LogQlCheck.traceIdOf(none, JSON.readTree("[\"1\", \"ERROR traceId=4bf92f3577b34da6a3ce929d0e0e4736 x\"]"),
                "ERROR traceId=4bf92f3577b34da6a3ce929d0e0e4736 x")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");

        // Loki 3's default encoding: structured metadata among the stream's labels
        JsonNode stream = JSON.readTree("""
                {"service_name":"shop","severity_text":"ERROR","trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","span_id":"00f067aa0ba902b7"}
                """);
        assertThat(LogQlCheck.traceIdOf(stream, JSON.readTree("[\"1\", \"method=GET status=500\"]"), "method=GET status=500"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");

        // categorize-labels encoding: the entry's third element
        JsonNode entry = JSON.readTree("""
                ["1", "method=GET status=500", {"structuredMetadata": {"trace_id": "7fd88167782fd1b7dd3f2b4428d3cce3"}}]
                """);
        assertThat(LogQlCheck.traceIdOf(JSON.readTree("{\"service_name\":\"shop\"}"), entry, "method=GET status=500"))
                .isEqualTo("7fd88167782fd1b7dd3f2b4428d3cce3");

        assertThat(LogQlCheck.traceIdOf(JSON.readTree("{\"service_name\":\"shop\",\"trace_id\":\"\"}"),
                JSON.readTree("[\"1\", \"started\"]"), "started")).isNull();
    }
}
