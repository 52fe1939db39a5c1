package ladder.model.ladder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test helper: an append-only history built through {@link LadderPolicy}, as the app would build it. */
final class History {

    private final LadderPolicy policy = new LadderPolicy();
    private final List<Assessment> entries = new ArrayList<>();
    private Instant clock = Instant.parse("2026-11-01T09:00:00Z");

    Assessment claim(Claim claim) {
        return append(policy.assess(claim, UUID.randomUUID(), tick()));
    }

    Assessment self(String topic, Rung rung, String evidence) {
        return claim(Claim.self("alice", topic, rung, evidence, List.of(), ""));
    }

    Assessment lab(String topic, Rung rung) {
        return claim(Claim.lab(topic + "-lab", rung, "alice", topic, rung, "all checks passed"));
    }

    Assessment mentor(String topic, Rung rung) {
        return claim(Claim.mentor("bob", "alice", topic, rung, "", List.of(), ""));
    }

    Assessment review(Assessment reviewed, ReviewDecision decision) {
        return append(policy.review(entries, reviewed.id(), "bob", decision, UUID.randomUUID(), tick()));
    }

    List<Assessment> entries() {
        return List.copyOf(entries);
    }

    LadderState fold(TopicCatalog catalog) {
        return LadderState.fold("alice", catalog, entries);
    }

    private Assessment append(Assessment entry) {
        entries.add(entry);
        return entry;
    }

    private Instant tick() {
        clock = clock.plus(Duration.ofMinutes(1));
        return clock;
    }
}
