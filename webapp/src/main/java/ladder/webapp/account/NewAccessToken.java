package ladder.webapp.account;

/**
 * A token just made, with its secret: the only time the secret exists outside its owner's hands. Its
 * {@link #toString()} leaves the secret out, so a debug log of the answer cannot print it.
 */
public record NewAccessToken(AccessTokenView token, String secret) {

    @Override
    public String toString() {
        return "NewAccessToken[token=" + token + ", secret=(shown once, never logged)]";
    }
}
