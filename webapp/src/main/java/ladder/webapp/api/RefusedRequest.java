package ladder.webapp.api;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A feature's exception for a request it refuses, carrying the HTTP status the API answers it with. Each
 * exception says its status once, here; {@code ApiExceptionHandler} turns every one into the same
 * {@link ApiError} body, so no controller maps exceptions of its own. Views show {@link #getMessage()}.
 */
public interface RefusedRequest {

    /** The status of the API's answer. */
    HttpStatus status();

    /** What went wrong, for the user (the exception's message). */
    @Nullable String getMessage();

    /** The API's {@code error}: the message, unless the API can say more (an endpoint to call instead). */
    default String error() {
        String message = getMessage();
        return message == null ? status().getReasonPhrase() : message;
    }

    /** Where in the request's body, when known. */
    default @Nullable Integer line() {
        return null;
    }

    /** Where in the request's body, when known. */
    default @Nullable Integer column() {
        return null;
    }

    /** Headers the answer carries besides the body, such as {@code Retry-After}. */
    default Map<String, String> headers() {
        return Map.of();
    }
}
