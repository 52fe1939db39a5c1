package ladder.webapp.account;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A person who signs in to Ladder: username, display name, roadmap handle, roles. */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, unique = true)
    private String username;

    // Lower-cased username and handle: what uniqueness and every lookup go by, so @Ada and @ada are one person.
    @Column(name = "username_key", nullable = false, unique = true)
    private String usernameKey;

    @Column(name = "handle_key", nullable = false, unique = true)
    private String handleKey;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(nullable = false, unique = true)
    private String handle;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role", nullable = false)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Account() { } // for JPA

    Account(String username, String displayName, String handle, String passwordHash, Set<Role> roles, Instant now) {
        this.username = username;
        this.usernameKey = key(username);
        this.displayName = displayName;
        this.handle = handle;
        this.handleKey = key(handle);
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.createdAt = now;
    }

    public @Nullable Long getId() { return id; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public String getHandle() { return handle; }
    public Set<Role> getRoles() { return roles.isEmpty() ? Set.of() : Set.copyOf(roles); }
    public boolean isEnabled() { return enabled; }
    public long getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    String getPasswordHash() { return passwordHash; }

    void setDisplayName(String displayName) { this.displayName = displayName; }
    void setHandle(String handle) {
        this.handle = handle;
        this.handleKey = key(handle);
    }

    /** A username or handle as uniqueness and lookups compare it: ignoring case. */
    static String key(String usernameOrHandle) {
        return usernameOrHandle.toLowerCase(Locale.ROOT);
    }
    void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    void setEnabled(boolean enabled) { this.enabled = enabled; }

    void setRoles(Set<Role> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }
}
