package ladder.labs.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import zipkin2.reporter.BaseHttpSender;
import zipkin2.reporter.BytesMessageEncoder;
import zipkin2.reporter.Encoding;
import zipkin2.reporter.HttpEndpointSuppliers;

/**
 * Posts the reporter's batches of Zipkin v2 JSON spans to {@code {zipkin}/api/v2/spans} with the JDK's
 * {@link HttpClient}, and counts the spans Zipkin accepted for {@code GET /admin/tracing}.
 *
 * <p>Written here rather than taken from {@code zipkin-sender-urlconnection} or Spring Boot's
 * {@code ZipkinHttpClientSender}: neither is available to the offline build, and the reporter library's
 * {@link BaseHttpSender} leaves only the HTTP call itself to write.
 */
final class HttpClientSender extends BaseHttpSender<URI, HttpClientSender.Batch> {

    /** One message: the JSON list and how many spans it holds. */
    record Batch(byte[] json, int spans) {
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    private final AtomicLong sent = new AtomicLong();

    HttpClientSender(URI zipkinUrl) {
        super(Encoding.JSON, HttpEndpointSuppliers.constantFactory(), zipkinUrl + "/api/v2/spans");
    }

    /** Spans Zipkin answered 2xx for. */
    long sentSpans() {
        return sent.get();
    }

    @Override
    protected URI newEndpoint(String endpoint) {
        return URI.create(endpoint);
    }

    @Override
    protected Batch newBody(List<byte[]> encodedSpans) {
        return new Batch(BytesMessageEncoder.JSON.encode(encodedSpans), encodedSpans.size());
    }

    @Override
    protected void postSpans(URI endpoint, Batch batch) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(2))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(batch.json()))
                .build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending spans to " + endpoint, e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException(endpoint + " answered " + response.statusCode());
        }
        sent.addAndGet(batch.spans());
    }

    @Override
    protected void doClose() {
        client.close();
    }
}
