package ladder.webapp.account;

import ladder.webapp.api.RefusedRequestException;
import org.springframework.http.HttpStatus;

/** A request about accounts that cannot be carried out (HTTP 400); the message says why, for the user. */
public class AccountException extends RefusedRequestException {

    public AccountException(String message) {
        this(HttpStatus.BAD_REQUEST, message);
    }

    /** For the subclasses, which answer with another status. */
    protected AccountException(HttpStatus status, String message) {
        super(status, message);
    }
}
