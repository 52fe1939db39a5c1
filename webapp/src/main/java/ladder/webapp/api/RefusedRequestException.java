package ladder.webapp.api;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * What a feature throws when it refuses a request: the message for the user and the HTTP status the API
 * answers with, said once where the exception is made. {@code ApiExceptionHandler} turns every one into the
 * same {@link ApiError} body, so no controller maps exceptions of its own; views show {@link #getMessage()}.
 */
public abstract class RefusedRequestException extends RuntimeException {

    private final HttpStatus status;

    protected RefusedRequestException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    /** The status of the API's answer. */
    public HttpStatus status() {
        return status;
    }

    /** The API's {@code error}: the message, unless the API can say more (an endpoint to call instead). */
    public String error() {
        String message = getMessage();
        return message == null ? status.getReasonPhrase() : message;
    }

    /** Where in the request's body, when known. */
    public @Nullable Integer line() {
        return null;
    }

    /** Where in the request's body, when known. */
    public @Nullable Integer column() {
        return null;
    }

    /** Headers the answer carries besides the body, such as {@code Retry-After}. */
    public Map<String, String> headers() {
        return Map.of();
    }
}
