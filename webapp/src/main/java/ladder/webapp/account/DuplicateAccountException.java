package ladder.webapp.account;

/** The username or handle is already taken by another account. */
public class DuplicateAccountException extends AccountException {

    public DuplicateAccountException(String message) {
        super(message);
    }
}
