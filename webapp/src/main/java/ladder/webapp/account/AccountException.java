package ladder.webapp.account;

/** A request about accounts that cannot be carried out; the message says why, for the user. */
public class AccountException extends RuntimeException {

    public AccountException(String message) {
        super(message);
    }
}
