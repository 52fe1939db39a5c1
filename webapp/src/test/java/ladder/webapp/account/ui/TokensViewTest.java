package ladder.webapp.account.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import java.util.Set;
import ladder.webapp.account.AccessTokenView;
import ladder.webapp.account.AccessTokens;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.NewAccount;
import ladder.webapp.account.Role;
import ladder.webapp.account.TokenScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** The tokens view, without a browser: made with the secret shown once, listed, revoked; admins see all. */
@SpringBootTest
class TokensViewTest extends SpringBrowserlessTest {

    @Autowired AccountService accounts;
    @Autowired AccessTokens tokens;

    AccountView account(String username, Role role) {
        return accounts.find(username).orElseGet(() -> accounts.create(new NewAccount(username, "Name " + username,
                "@" + username, Set.of(role), "a-long-enough-password")));
    }

    @Test
    @WithMockUser(username = "tokenlearner", roles = "LEARNER")
    void a_learner_makes_a_token_sees_the_secret_once_and_revokes_it() {
        AccountView me = account("tokenlearner", Role.LEARNER);
        int before = tokens.of(me).size();
        TokensView view = navigate(TokensView.class);
        assertThat(view.scope.getListDataView().getItems()).containsExactly(TokenScope.READ, TokenScope.WRITE);

        test(view.name).setValue("my script");
        view.scope.setValue(TokenScope.WRITE);
        test(view.create).click();

        assertThat(view.shown).isNotNull();
        String secret = view.shown.secret.getValue();
        assertThat(secret).startsWith(AccessTokens.PREFIX);
        assertThat(test(view.grid).size()).isEqualTo(before + 1);
        AccessTokenView made = test(view.grid).getRow(before);
        assertThat(made.name()).isEqualTo("my script");
        assertThat(made.scope()).isEqualTo(TokenScope.WRITE);
        view.shown.close();
        assertThat(view.shown.secret.getValue()).isEmpty();

        view.revoke(made);
        assertThat(test(view.grid).size()).isEqualTo(before);
        assertThat(tokens.of(me)).noneMatch(token -> token.id() == made.id());
    }

    @Test
    @WithMockUser(username = "tokenlearner2", roles = "LEARNER")
    void a_learner_sees_only_their_own_tokens() {
        AccountView me = account("tokenlearner2", Role.LEARNER);
        AccountView other = account("tokenother", Role.LEARNER);
        tokens.create(other, "not yours", 5, TokenScope.READ);
        tokens.create(me, "mine", 5, TokenScope.READ);

        TokensView view = navigate(TokensView.class);

        assertThat(test(view.grid).size()).isPositive();
        for (int i = 0; i < test(view.grid).size(); i++) {
            assertThat(test(view.grid).getRow(i).accountId()).isEqualTo(me.id());
        }
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void an_admin_sees_and_revokes_anyones_token() {
        AccountView other = account("tokenvictim", Role.LEARNER);
        var made = tokens.create(other, "learner's ci", 5, TokenScope.READ);

        TokensView view = navigate(TokensView.class);
        AccessTokenView row = null;
        for (int i = 0; i < test(view.grid).size(); i++) {
            if (test(view.grid).getRow(i).id() == made.token().id()) {
                row = test(view.grid).getRow(i);
            }
        }
        assertThat(row).as("the learner's token in the admin's list").isNotNull();
        assertThat(row.ownerUsername()).isEqualTo("tokenvictim");

        view.revoke(row);
        assertThat(tokens.of(other)).noneMatch(token -> token.id() == made.token().id());
    }

    @Test
    @WithMockUser(username = "tokenlearner3", roles = "LEARNER")
    void a_bad_expiry_makes_nothing() {
        AccountView me = account("tokenlearner3", Role.LEARNER);
        TokensView view = navigate(TokensView.class);
        test(view.name).setValue("too long");
        view.days.setValue(AccessTokens.MAX_DAYS + 1);
        test(view.create).click();

        assertThat(view.shown).isNull();
        assertThat(tokens.of(me)).isEmpty();
    }
}
