package ladder.webapp.labs;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import ladder.webapp.account.CurrentUser;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * A session's component UIs through Ladder, so that a browser on another machine reaches Prometheus
 * or Alertmanager on the server's loopback: {@code /labs/sessions/{id}/ui/{component}/…} is forwarded,
 * with Apache HttpClient, to the component's {@code 127.0.0.1:PORT/…}. Only the session's owner and
 * mentors and admins get through ({@link LabService#componentUrl}); anyone else, and a session that is
 * not running, gets 404. Ladder's cookies and credentials are never forwarded to the component; the
 * runtime starts Prometheus and Alertmanager with this path as their external URL, so their links work.
 */
@Controller
@PreAuthorize("hasAnyRole('LEARNER','MENTOR','ADMIN')")
class LabComponentProxy implements DisposableBean {

    /** Hop-by-hop headers (RFC 9110 7.6.1), and what must not cross between Ladder and a component. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length",
            "cookie", "set-cookie", "authorization", "www-authenticate");

    private final LabService labs;
    private final CurrentUser currentUser;
    private final CloseableHttpClient http;

    LabComponentProxy(LabService labs, CurrentUser currentUser) {
        this.labs = labs;
        this.currentUser = currentUser;
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(2)).setSocketTimeout(Timeout.ofSeconds(60)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(60)).build())
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAutomaticRetries()
                .disableContentCompression()
                .build();
    }

    @RequestMapping("/labs/sessions/{sessionId}/ui/{component}/{*rest}")
    void forward(@PathVariable String sessionId, @PathVariable String component, @PathVariable String rest,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> target;
        try {
            target = labs.componentUrl(currentUser.require(), sessionId, component);
        } catch (LabException e) {
            target = Optional.empty();
        }
        if (target.isEmpty()) {
            answer(response, HttpServletResponse.SC_NOT_FOUND, "no running lab component here");
            return;
        }
        if (rest.isEmpty()) {
            response.sendRedirect(request.getRequestURI() + "/");
            return;
        }
        String query = request.getQueryString();
        URI uri = URI.create(target.get() + rest + (query == null ? "" : "?" + query));
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(request.getMethod()).setUri(uri);
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : Collections.list(request.getHeaders(name))) {
                    builder.addHeader(name, value);
                }
            }
        }
        long length = request.getContentLengthLong();
        if (length > 0 || request.getHeader("Transfer-Encoding") != null) {
            String type = request.getContentType();
            builder.setEntity(new InputStreamEntity(request.getInputStream(), length,
                    type == null ? null : ContentType.parseLenient(type)));
        }
        ClassicHttpRequest outgoing = builder.build();
        try {
            http.execute(outgoing, answer -> {
                response.setStatus(answer.getCode());
                for (Header header : answer.getHeaders()) {
                    if (!NOT_FORWARDED.contains(header.getName().toLowerCase(Locale.ROOT))) {
                        response.addHeader(header.getName(), header.getValue());
                    }
                }
                HttpEntity entity = answer.getEntity();
                if (entity != null) {
                    if (entity.getContentLength() >= 0) {
                        response.setContentLengthLong(entity.getContentLength());
                    }
                    try (OutputStream out = response.getOutputStream()) {
                        entity.writeTo(out);
                    }
                }
                return null;
            });
        } catch (IOException e) {
            if (!response.isCommitted()) {
                answer(response, HttpServletResponse.SC_BAD_GATEWAY, component + " did not answer: " + e.getMessage());
            }
        }
    }

    /** Answers here rather than through sendError, whose error dispatch the UI chain would answer 403. */
    private static void answer(HttpServletResponse response, int status, String text) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(text);
    }

    @Override
    public void destroy() throws IOException {
        http.close();
    }
}
