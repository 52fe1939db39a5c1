package ladder.webapp.api;

import java.sql.SQLException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where a failed API request becomes an answer: a feature's {@link RefusedRequestException}
 * with the status it carries, and the failures every endpoint can meet, always as an {@link ApiError} body.
 */
@RestControllerAdvice(basePackages = "ladder.webapp")
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return answer(HttpStatus.BAD_REQUEST, "the request body is not valid JSON of the expected shape");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiError> badParameter(Exception e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content type not supported: " + e.getContentType());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, "method " + e.getMethod() + " is not allowed here");
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ApiError> denied(Exception e) {
        return answer(HttpStatus.FORBIDDEN, "you may not do this");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> notFound(NoResourceFoundException e) {
        return answer(HttpStatus.NOT_FOUND, "no such resource");
    }

    /** Two requests raced for the same row or unique value: the loser is told, and may try again. */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<ApiError> concurrent(ConcurrencyFailureException e) {
        return answer(HttpStatus.CONFLICT, "someone else changed this at the same moment: reload and try again");
    }

    /**
     * The database refused a write. A value it cannot store (too long, malformed: SQL state class 22) is bad
     * input; anything else (a unique or foreign key constraint, class 23) is a conflict with what is stored.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ApiError> refusedByDatabase(DataIntegrityViolationException e) {
        String state = sqlState(e);
        if (state != null && state.startsWith("22")) {
            return answer(HttpStatus.BAD_REQUEST, "a value is too long or not valid for where it is stored");
        }
        return answer(HttpStatus.CONFLICT, "this conflicts with what is stored: reload and try again");
    }

    /** A feature refused the request: answered with the status, message and position its exception carries. */
    @ExceptionHandler(RefusedRequestException.class)
    ResponseEntity<ApiError> refused(RefusedRequestException e) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status());
        e.headers().forEach((name, value) -> answer.header(name, value));
        return answer.body(new ApiError(e.error(), e.line(), e.column()));
    }

    /** A failure nothing else maps is a bug: logged with its stack trace, answered without internals. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) throws Exception {
        if (e instanceof ErrorResponse response) { // Spring MVC's own (unacceptable media type, ...) keep their status
            return ResponseEntity.status(response.getStatusCode()).body(ApiError.of(
                    response.getBody().getDetail() == null ? "request refused" : response.getBody().getDetail()));
        }
        if (e instanceof AuthenticationException) {
            throw e; // the filter chain answers 401 as it does everywhere
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("unexpected failure of an API request (reference {})", reference, e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal error (reference " + reference + "): "
                + "the server's log has the details");
    }

    private static @Nullable String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static ResponseEntity<ApiError> answer(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(ApiError.of(message));
    }
}
