package ladder.labs.runtime;

import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets of a session (its database password): 144 bits, URL-safe, from a strong source. */
final class SessionSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SessionSecrets() {}

    static String newPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
