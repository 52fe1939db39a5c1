package ladder.webapp.ui;

import ladder.webapp.account.Role;
import org.jspecify.annotations.Nullable;

/**
 * A "what to do next" card on the home view. Features contribute cards as Spring beans, so the
 * home view only ever points at what exists.
 *
 * @param role     who sees the card; null for everyone
 * @param order    position, smaller first
 * @param path     route the card links to, or null for no link
 */
public record HomeCard(@Nullable Role role, int order, String title, String text, @Nullable String path,
        @Nullable String linkText) {
}
