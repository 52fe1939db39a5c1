package ladder.webapp.account;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByUsername(String username);

    /** By {@link Account#key}: a username in any case. */
    Optional<Account> findByUsernameKey(String usernameKey);

    /** By {@link Account#key}: a handle in any case. */
    Optional<Account> findByHandleKey(String handleKey);

    boolean existsByUsernameKey(String usernameKey);

    boolean existsByHandleKey(String handleKey);

    List<Account> findAllByOrderByUsernameAsc();

    /** The enabled accounts with this role, their rows locked until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where a.enabled = true and :role member of a.roles")
    List<Account> lockEnabledWithRole(@Param("role") Role role);
}
