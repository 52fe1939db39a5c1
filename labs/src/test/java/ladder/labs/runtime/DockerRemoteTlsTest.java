package ladder.labs.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import ladder.labs.TestLabs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lab host of its own: the CLI reaches the engine with {@code DOCKER_HOST=tcp://…}, {@code DOCKER_TLS_VERIFY=1}
 * and {@code DOCKER_CERT_PATH}, here the local engine behind a TLS listener on 127.0.0.2 with certificates this
 * test makes with {@code openssl}. 127.0.0.2 plays the lab host: the session's ports are published there and the
 * checks reach the components there; nothing of the session listens on 127.0.0.1, so a check that called
 * 127.0.0.1 would fail.
 */
@DockerAvailable
class DockerRemoteTlsTest {

    private static final String LAB_HOST = "127.0.0.2";

    @TempDir
    Path dir;

    private void openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    @Test
    void a_lab_runs_on_an_engine_reached_over_tls_with_client_certificates() throws Exception {
        Path socket = Path.of("/var/run/docker.sock");
        assumeTrue(Files.exists(socket), "the local engine is not on /var/run/docker.sock");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "no openssl to make the certificates");
        Path certs = Files.createDirectories(dir.resolve("certs"));
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=ladder test CA",
                "-keyout", "ca-key.pem", "-out", "certs/ca.pem");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.2", "-keyout", "server-key.pem", "-out", "server.csr");
        Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.2\nextendedKeyUsage=serverAuth\n");
        openssl("x509", "-req", "-in", "server.csr", "-CA", "certs/ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                "-days", "1", "-extfile", "server.ext", "-out", "server.pem");
        openssl("pkcs12", "-export", "-inkey", "server-key.pem", "-in", "server.pem", "-passout", "pass:ladder", "-out", "server.p12");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=ladder", "-keyout", "certs/key.pem", "-out", "client.csr");
        Files.writeString(dir.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
        openssl("x509", "-req", "-in", "client.csr", "-CA", "certs/ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial",
                "-days", "1", "-extfile", "client.ext", "-out", "certs/cert.pem");

        try (TlsDockerProxy engine = new TlsDockerProxy(dir.resolve("server.p12"), "ladder".toCharArray(),
                certs.resolve("ca.pem"), socket, InetAddress.getByName(LAB_HOST))) {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    "ladder.labs.cli.LabsCli", "run", TestLabs.nodeBasics().toString(), "--runtime", "docker", "--solution")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child.log").toFile());
            builder.environment().put("LADDER_DATA_DIR", dir.resolve("data").toString());
            builder.environment().put("DOCKER_HOST", "tcp://" + LAB_HOST + ":" + engine.port());
            builder.environment().put("DOCKER_TLS_VERIFY", "1");
            builder.environment().put("DOCKER_CERT_PATH", certs.toString());
            Process child = builder.start();
            boolean finished = child.waitFor(3, TimeUnit.MINUTES);
            child.destroyForcibly();
            String log = Files.readString(dir.resolve("child.log"));

            assertThat(finished).as(log).isTrue();
            assertThat(child.exitValue()).as(log).isZero();
            assertThat(log).contains("runtime: docker (engine tcp://" + LAB_HOST + ":" + engine.port() + ", lab host " + LAB_HOST + ")")
                    .containsPattern("starting prometheus in a container, published on " + LAB_HOST.replace(".", "\\.") + ":\\d+")
                    .doesNotContain("published on 127.0.0.1")
                    .contains("5 of 5 checks passed");
            assertThat(engine.connections()).as("connections through TLS").isPositive();
        }
    }
}
