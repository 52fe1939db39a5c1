package ladder.labs.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The local engine as a remote one: a TLS listener on a loopback address (127.0.0.2 stands for the lab host: it is
 * not the 127.0.0.1 Ladder would use by mistake) that demands a client certificate signed by
 * the test's CA and forwards each connection to {@code /var/run/docker.sock}, as {@code dockerd --tlsverify
 * -H tcp://…} would serve it.
 */
final class TlsDockerProxy implements AutoCloseable {

    private final SSLServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final Path socket;

    TlsDockerProxy(Path serverP12, char[] password, Path caPem, Path socket, InetAddress address) throws Exception {
        this.socket = socket;
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(serverP12)) {
            keys.load(in, password);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, password);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(caPem)) {
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50, address);
        server.setNeedClientAuth(true);
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections whose TLS handshake (with a valid client certificate) succeeded. */
    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                SSLSocket client = (SSLSocket) server.accept();
                Thread.ofVirtual().start(() -> forward(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void forward(SSLSocket client) {
        try (client; SocketChannel engine = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            client.startHandshake();
            connections.incrementAndGet();
            engine.connect(UnixDomainSocketAddress.of(socket));
            InputStream fromEngine = Channels.newInputStream(engine);
            OutputStream toEngine = Channels.newOutputStream(engine);
            Thread back = Thread.ofVirtual().start(() -> {
                pump(fromEngine, outputOf(client));
                closeQuietly(client); // TLS cannot half-close: the engine's end (of an exec's output) ends the connection
            });
            pump(client.getInputStream(), toEngine);
            engine.shutdownOutput();
            back.join();
        } catch (IOException | InterruptedException e) {
            // a client without a valid certificate, or a closed connection
        }
    }

    private static void closeQuietly(SSLSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static OutputStream outputOf(SSLSocket socket) {
        try {
            return socket.getOutputStream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void pump(InputStream in, OutputStream out) {
        byte[] buffer = new byte[16384];
        try {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
