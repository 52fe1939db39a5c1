package ladder.labs.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class SampleOptionsTest {

    @Test
    void every_documented_option_is_read_in_both_spellings_and_downstream_urls_add_up() {
        SampleOptions options = SampleOptions.parse("--port", "8081", "--name=frontend",
                "--zipkin-url", "http://127.0.0.1:9411/", "--downstream-url=http://127.0.0.1:8082",
                "--downstream-url", "http://127.0.0.1:8083",
                "--log-file", "logs/frontend.log", "--load-rps", "5", "--sample-rate=0.25", "--config", "services.yml");

        assertThat(options).isEqualTo(new SampleOptions("127.0.0.1", 8081, "frontend",
                URI.create("http://127.0.0.1:9411"),
                List.of(URI.create("http://127.0.0.1:8082"), URI.create("http://127.0.0.1:8083")),
                Path.of("logs/frontend.log"), 5, 0.25, Path.of("services.yml"), null));
    }

    @Test
    void otlp_is_read_and_refused_together_with_zipkin() {
        assertThat(SampleOptions.parse("--port", "0", "--name", "shop", "--otlp-url", "http://collector:4318/").otlpUrl())
                .isEqualTo(URI.create("http://collector:4318"));
        assertThatThrownBy(() -> SampleOptions.parse("--port", "0", "--name", "shop", "--otlp-url", "http://collector:4318",
                "--zipkin-url", "http://zipkin:9411"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--otlp-url and --zipkin-url exclude each other");
    }

    @Test
    void an_empty_value_means_not_set() {
        SampleOptions options = SampleOptions.parse("--port", "0", "--name", "a", "--zipkin-url=", "--load-rps=");

        assertThat(options.zipkinUrl()).isNull();
        assertThat(options.loadRps()).isZero();
    }

    @Test
    void bad_options_are_refused_naming_the_option() {
        assertThatThrownBy(() -> SampleOptions.parse("--name", "a"))
                .hasMessage("--port and --name are required");
        assertThatThrownBy(() -> SampleOptions.parse("--port", "x", "--name", "a"))
                .hasMessage("--port must be a whole number, got 'x'");
        assertThatThrownBy(() -> SampleOptions.parse("--port", "1", "--name", "a", "--sample-rate", "2"))
                .hasMessage("--sample-rate must be between 0.0 and 1.0, got 2.0");
        assertThatThrownBy(() -> SampleOptions.parse("--port", "1", "--name", "a", "--zipkin-url", "file:///etc"))
                .hasMessageStartingWith("--zipkin-url must be an http:// URL");
        assertThatThrownBy(() -> SampleOptions.parse("--port", "1", "--name", "a b"))
                .hasMessageStartingWith("--name must be 1 to 64 letters");
        assertThatThrownBy(() -> SampleOptions.parse("--port", "1", "--name", "a", "--colour", "red"))
                .hasMessageStartingWith("unknown option --colour");
    }
}
