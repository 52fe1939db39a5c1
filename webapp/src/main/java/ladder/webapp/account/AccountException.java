package ladder.webapp.account;

import ladder.webapp.api.RefusedRequest;
import org.springframework.http.HttpStatus;

/** A request about accounts that cannot be carried out (HTTP 400); the message says why, for the user. */
public class AccountException extends RuntimeException implements RefusedRequest {

    public AccountException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }
}
