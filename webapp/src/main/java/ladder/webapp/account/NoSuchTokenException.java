package ladder.webapp.account;

import org.springframework.http.HttpStatus;

/**
 * No token with this id that the asking account may see (someone else's token looks the same as none):
 * HTTP 404.
 */
public class NoSuchTokenException extends AccountException {

    public NoSuchTokenException(String message) {
        super(HttpStatus.NOT_FOUND, message);
    }
}
