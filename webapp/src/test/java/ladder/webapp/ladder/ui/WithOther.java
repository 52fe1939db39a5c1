package ladder.webapp.ladder.ui;

import java.util.List;
import ladder.model.ladder.Rung;
import ladder.webapp.ladder.ClaimInput;
import ladder.webapp.ladder.LadderService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Makes sure another learner has a pending claim on incident response (Action until one is confirmed), signed in as them for a moment. */
final class WithOther {

    private WithOther() {
    }

    static void claim(LadderService ladder, String username) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                AuthorityUtils.NO_AUTHORITIES));
        SecurityContextHolder.setContext(context);
        try {
            var level = ladder.ladder("@" + username).topic("incident-response").orElseThrow();
            if (level.pending().isEmpty()) {
                Rung rung = level.confirmedRung().flatMap(Rung::next).orElse(Rung.ACTION);
                ladder.assess("@" + username, new ClaimInput("incident-response", rung,
                        username + "'s evidence: led two incidents", List.of(), ""));
            }
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
