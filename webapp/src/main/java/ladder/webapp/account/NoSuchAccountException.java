package ladder.webapp.account;

import org.springframework.http.HttpStatus;

/** No account has that username (HTTP 404). */
public class NoSuchAccountException extends AccountException {

    public NoSuchAccountException(String message) {
        super(HttpStatus.NOT_FOUND, message);
    }
}
