package ladder.webapp.account;

import java.security.SecureRandom;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At first start, when there is no account at all, creates user {@code admin} with
 * {@code LADDER_ADMIN_PASSWORD}, or with a random password printed once in the log.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final AccountService accounts;
    private final AccountsProperties properties;

    FirstAdmin(AccountService accounts, AccountsProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        String configured = properties.adminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? randomPassword() : configured;
        try {
            accounts.create(new NewAccount(USERNAME, "Administrator", "@admin", EnumSet.of(Role.ADMIN), password));
        } catch (AccountException e) {
            throw new IllegalStateException("LADDER_ADMIN_PASSWORD is not acceptable: " + e.getMessage(), e);
        }
        if (generated) {
            log.warn("""

                    ================================================================
                     Ladder's first admin was created.
                       username: {}
                       password: {}
                     This password is shown only this once. Sign in and change it,
                     or set LADDER_ADMIN_PASSWORD before the first start.
                    ================================================================""", USERNAME, password);
        } else {
            log.info("Ladder's first admin '{}' was created with the password from LADDER_ADMIN_PASSWORD", USERNAME);
        }
    }

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
