package ladder.webapp.account;

/** No token with this id that the asking account may see (someone else's token looks the same as none). */
public class NoSuchTokenException extends AccountException {
    public NoSuchTokenException(String message) {
        super(message);
    }
}
