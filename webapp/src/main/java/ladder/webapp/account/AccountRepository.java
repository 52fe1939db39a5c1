package ladder.webapp.account;

import java.util.List;
import java.util.Optional;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByUsername(String username);

    Optional<Account> findByHandle(String handle);

    boolean existsByUsername(String username);

    boolean existsByHandle(String handle);

    List<Account> findAllByOrderByUsernameAsc();

    // Sign-in bookkeeping bypasses @Version on purpose: a failed sign-in must never make an
    // admin's concurrent edit of the same account fail, nor the other way round.
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Account a set a.failedLogins = a.failedLogins + 1 where a.username = :username")
    int incrementFailedLogins(@Param("username") String username);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Account a set a.lockedUntil = :until where a.username = :username")
    int lockUntil(@Param("username") String username, @Param("until") @Nullable Instant until);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Account a set a.failedLogins = 0, a.lockedUntil = null where a.username = :username")
    int resetFailedLogins(@Param("username") String username);
}
