package ladder.webapp.account;

/** No account has that username. */
public class NoSuchAccountException extends AccountException {

    public NoSuchAccountException(String message) {
        super(message);
    }
}
