package ladder.model.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonExporterTest {

    @Test
    void goals_carry_their_fields_prerequisites_and_readiness() throws Exception {
        Roadmap r = DotImporter.parse("""
                digraph plan { rankdir=LR
                  a [status=done, label="Learn", participants="@ana @bob", tooltip="First"]
                  b; c
                  a -> c; b -> c
                }
                """);

        assertThat(JsonExporter.export(r)).isEqualTo("{\"name\":\"plan\",\"attributes\":{\"rankdir\":\"LR\"},\"goals\":["
                + "{\"id\":\"a\",\"title\":\"Learn\",\"description\":\"First\",\"status\":\"done\","
                + "\"participants\":[\"@ana\",\"@bob\"],\"prerequisites\":[],\"ready\":true,\"waitingOn\":[]},"
                + "{\"id\":\"b\",\"title\":\"b\",\"description\":\"\",\"status\":\"pending\","
                + "\"participants\":[],\"prerequisites\":[],\"ready\":true,\"waitingOn\":[]},"
                + "{\"id\":\"c\",\"title\":\"c\",\"description\":\"\",\"status\":\"pending\","
                + "\"participants\":[],\"prerequisites\":[\"a\",\"b\"],\"ready\":false,\"waitingOn\":[\"b\"]}],"
                + "\"dependencies\":[{\"from\":\"a\",\"to\":\"c\"},{\"from\":\"b\",\"to\":\"c\"}]}");
    }

    @Test
    void an_anonymous_graph_has_no_name_member() throws Exception {
        assertThat(JsonExporter.export(DotImporter.parse("digraph { }")))
                .isEqualTo("{\"attributes\":{},\"goals\":[],\"dependencies\":[]}");
    }

    @Test
    void strings_are_escaped_as_json_requires() {
        Roadmap r = Roadmap.builder()
                .goal(Goal.of("q\"b\\s").withDescription("tab\tnl\ncr\r\u2028é</script>"))
                .build();

        assertThat(JsonExporter.export(r)).contains("\"id\":\"q\\\"b\\\\s\"")
                .contains("\"description\":\"tab\\tnl\\ncr\\r\\u2028é</script>\"");
    }
}
