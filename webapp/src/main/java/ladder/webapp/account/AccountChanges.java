package ladder.webapp.account;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A partial update of an account: each field that is null stays as it is. With an
 * {@code expectedVersion}, the update is refused when someone changed the account meanwhile.
 */
public record AccountChanges(
        @Nullable String displayName,
        @Nullable String handle,
        @Nullable Set<Role> roles,
        @Nullable Boolean enabled,
        @Nullable String password,
        @Nullable Long expectedVersion) {

    /** Changes without a version check (the REST API's PATCH is a last-writer-wins partial update). */
    public AccountChanges(@Nullable String displayName, @Nullable String handle, @Nullable Set<Role> roles,
            @Nullable Boolean enabled, @Nullable String password) {
        this(displayName, handle, roles, enabled, password, null);
    }
}
