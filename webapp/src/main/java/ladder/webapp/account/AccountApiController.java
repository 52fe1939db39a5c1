package ladder.webapp.account;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/accounts}: admins manage accounts over HTTP Basic. */
@RestController
@RequestMapping("/api/accounts")
@PreAuthorize("hasRole('ADMIN')")
class AccountApiController {

    record AccountJson(String username, String displayName, String handle, List<String> roles, boolean enabled) {
        static AccountJson of(AccountView account) {
            return new AccountJson(account.username(), account.displayName(), account.handle(),
                    account.roles().stream().map(Enum::name).sorted().toList(), account.enabled());
        }
    }

    record CreateRequest(@Nullable String username, @Nullable String displayName, @Nullable String handle,
            @Nullable List<@Nullable String> roles, @Nullable String password) {
    }

    record PatchRequest(@Nullable String displayName, @Nullable String handle, @Nullable List<@Nullable String> roles,
            @Nullable Boolean enabled, @Nullable String password) {
    }

    private final AccountService accounts;

    AccountApiController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    List<AccountJson> list() {
        return accounts.list().stream().map(AccountJson::of).toList();
    }

    @PostMapping
    ResponseEntity<AccountJson> create(@RequestBody CreateRequest request) {
        AccountView created = accounts.create(new NewAccount(
                required(request.username(), "username"), required(request.displayName(), "displayName"),
                required(request.handle(), "handle"), roles(request.roles()), required(request.password(), "password")));
        return ResponseEntity.created(URI.create("/api/accounts/" + created.username())).body(AccountJson.of(created));
    }

    @PatchMapping("/{username}")
    AccountJson update(@PathVariable String username, @RequestBody PatchRequest request) {
        return AccountJson.of(accounts.update(username, new AccountChanges(request.displayName(), request.handle(),
                request.roles() == null ? null : roles(request.roles()), request.enabled(), request.password())));
    }

    private static String required(@Nullable String value, String field) {
        if (value == null) {
            throw new AccountException(field + " is required");
        }
        return value;
    }

    private static Set<Role> roles(@Nullable List<@Nullable String> names) {
        if (names == null || names.isEmpty()) {
            throw new AccountException("roles is required: a list of LEARNER, MENTOR, ADMIN");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            if (name == null) {
                throw new AccountException("roles must be role names (LEARNER, MENTOR, ADMIN), not null");
            }
            roles.add(Role.parse(name));
        }
        return roles;
    }
}
