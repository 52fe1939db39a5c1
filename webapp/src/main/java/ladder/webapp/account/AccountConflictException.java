package ladder.webapp.account;

import org.springframework.http.HttpStatus;

/** The account was changed by someone else since it was read (HTTP 409): reload and try again. */
public class AccountConflictException extends AccountException {

    public AccountConflictException(String message) {
        super(HttpStatus.CONFLICT, message);
    }
}
