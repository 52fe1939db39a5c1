/**
 * Accounts, roles and sign-in: who may use Ladder and as what (learner, mentor, admin).
 * Also the security configuration of the whole app, since access rules hang on these roles.
 */
@NullMarked
package ladder.webapp.account;

import org.jspecify.annotations.NullMarked;
