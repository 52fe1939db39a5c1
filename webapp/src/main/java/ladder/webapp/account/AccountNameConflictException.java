package ladder.webapp.account;

import org.springframework.http.HttpStatus;

/** The username or handle is already taken by another account (HTTP 409): choose another. */
public class AccountNameConflictException extends AccountException {

    public AccountNameConflictException(String message) {
        super(HttpStatus.CONFLICT, message);
    }
}
