package ladder.labs.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LabHostAddressTest {

    @Test
    void a_local_engine_publishes_on_127_0_0_1() {
        assertThat(LabHostAddress.of(URI.create("unix:///var/run/docker.sock"))).isEqualTo("127.0.0.1");
        assertThat(LabHostAddress.of(URI.create("npipe:////./pipe/docker_engine"))).isEqualTo("127.0.0.1");
    }

    @Test
    void a_remote_engine_publishes_on_the_host_of_its_address() {
        assertThat(LabHostAddress.of(URI.create("tcp://127.0.0.2:2376"))).isEqualTo("127.0.0.2");
        assertThat(LabHostAddress.of(URI.create("tcp://192.0.2.7:2376"))).isEqualTo("192.0.2.7");
        assertThat(LabHostAddress.of(URI.create("https://localhost:2376"))).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    @Test
    void the_wildcard_address_is_refused_rather_than_publishing_on_every_interface() {
        assertThatThrownBy(() -> LabHostAddress.of(URI.create("tcp://0.0.0.0:2375")))
                .isInstanceOf(LabStartException.class).hasMessageContaining("every interface");
    }

    @Test
    void an_unknown_host_is_named() {
        assertThatThrownBy(() -> LabHostAddress.of(URI.create("tcp://no-such-lab-host.invalid:2376")))
                .isInstanceOf(LabStartException.class).hasMessageContaining("no-such-lab-host.invalid");
    }
}
