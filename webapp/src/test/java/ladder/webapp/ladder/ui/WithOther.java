package ladder.webapp.ladder.ui;

import java.util.List;
import ladder.model.ladder.Rung;
import ladder.webapp.account.AccountService;
import ladder.webapp.account.AccountView;
import ladder.webapp.ladder.ClaimInput;
import ladder.webapp.ladder.LadderService;

/** Makes sure another learner has a pending claim on incident response (Action until one is confirmed), acting as them. */
final class WithOther {

    private WithOther() {
    }

    static void claim(LadderService ladder, AccountService accounts, String username) {
        AccountView other = accounts.find(username).orElseThrow();
        var level = ladder.ladder(other, "@" + username).topic("incident-response").orElseThrow();
        if (level.pending().isEmpty()) {
            Rung rung = level.confirmedRung().flatMap(Rung::next).orElse(Rung.ACTION);
            ladder.assess(other, "@" + username, new ClaimInput("incident-response", rung,
                    username + "'s evidence: led two incidents", List.of(), ""));
        }
    }
}
