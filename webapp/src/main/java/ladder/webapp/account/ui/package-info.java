/**
 * Views of the account feature: sign-in, the admin's account management, and one's own password.
 */
@NullMarked
package ladder.webapp.account.ui;

import org.jspecify.annotations.NullMarked;
