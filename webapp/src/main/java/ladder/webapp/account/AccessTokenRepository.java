package ladder.webapp.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccessTokenRepository extends JpaRepository<AccessToken, Long> {

    Optional<AccessToken> findBySecretHash(String secretHash);

    List<AccessToken> findAllByAccountIdOrderByCreatedAtAscIdAsc(long accountId);

    List<AccessToken> findAllByOrderByAccountIdAscCreatedAtAscIdAsc();

    @Modifying
    @Query("delete from AccessToken t where t.accountId = :accountId")
    int deleteAllOfAccount(@Param("accountId") long accountId);

    /** Records a use, at most once per {@code since} interval, so a busy script does not write on every request. */
    @Modifying
    @Query("update AccessToken t set t.lastUsedAt = :now where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :since)")
    int markUsed(@Param("id") long id, @Param("now") Instant now, @Param("since") Instant since);
}
