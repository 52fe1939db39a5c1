package ladder.webapp.account;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/tokens}: everyone makes, lists and revokes their own personal access tokens; an admin revokes
 * anyone's. Making one needs the password (HTTP Basic): the API chain refuses a token there.
 */
@RestController
@RequestMapping("/api/tokens")
@PreAuthorize("isAuthenticated()")
class AccessTokenApiController {

    record CreateRequest(@Nullable String name, @Nullable Integer expiresInDays, @Nullable String scope) {
    }

    /** The answer to a new token: the only one that carries the secret; its toString leaves the secret out. */
    record CreatedJson(long id, String name, String scope, Instant expiresAt, String token) {
        @Override
        public String toString() {
            return "CreatedJson[token=(never logged), id=" + id + ", name=" + name + ", scope=" + scope
                    + ", expiresAt=" + expiresAt + "]";
        }
    }

    record TokenJson(long id, String name, String scope, Instant createdAt, Instant expiresAt,
            @Nullable Instant lastUsedAt) {
        static TokenJson of(AccessTokenView token) {
            return new TokenJson(token.id(), token.name(), token.scope().json(), token.createdAt(), token.expiresAt(),
                    token.lastUsedAt());
        }
    }

    private final AccessTokens tokens;
    private final CurrentUser currentUser;

    AccessTokenApiController(AccessTokens tokens, CurrentUser currentUser) {
        this.tokens = tokens;
        this.currentUser = currentUser;
    }

    @PostMapping
    ResponseEntity<CreatedJson> create(@RequestBody CreateRequest request) {
        TokenScope scope = request.scope() == null ? TokenScope.READ : TokenScope.parse(request.scope());
        NewAccessToken made = tokens.create(currentUser.require(), request.name(), request.expiresInDays(), scope);
        AccessTokenView token = made.token();
        return ResponseEntity.created(URI.create("/api/tokens/" + token.id())).body(new CreatedJson(
                token.id(), token.name(), token.scope().json(), token.expiresAt(), made.secret()));
    }

    /** The signed-in account's own tokens, never a secret. */
    @GetMapping
    List<TokenJson> list() {
        return tokens.of(currentUser.require()).stream().map(TokenJson::of).toList();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(currentUser.require(), id);
        return ResponseEntity.noContent().build();
    }
}
