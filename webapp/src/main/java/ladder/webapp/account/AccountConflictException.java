package ladder.webapp.account;

/** The account was changed by someone else since it was read. */
public class AccountConflictException extends AccountException {

    public AccountConflictException(String message) {
        super(message);
    }
}
