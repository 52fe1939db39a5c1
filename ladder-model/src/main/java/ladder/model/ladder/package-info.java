/**
 * The knowledge ladder (Klaus North): rungs, topics, the policy that decides what a claim needs,
 * and a learner's ladder folded from an append-only history of assessments, with its exports.
 *
 * <h2>How a caller uses it</h2>
 * <pre>{@code
 * TopicCatalog catalog = TopicCatalog.loadDefault();
 * LadderPolicy policy = new LadderPolicy();
 *
 * // a learner claims a rung: check the topic, then let the policy decide and append the entry
 * catalog.requireActive("alerting");
 * Claim claim = Claim.self("alice", "alerting", Rung.ABILITY, "wrote the disk-full alert", links, "");
 * ClaimDecision preview = policy.decide(claim);          // to show "needs a mentor's review" first
 * Assessment entry = policy.assess(claim, UUID.randomUUID(), Instant.now()); // or ClaimRefusedException
 * history.add(entry);                                    // append only, never update
 *
 * // a mentor reviews an open claim: the decision is another appended entry
 * history.add(policy.review(history, entry.id(), "bob", new ReviewDecision.Confirm(null),
 *         UUID.randomUUID(), Instant.now()));
 *
 * // the learner's ladder, and its exports
 * LadderState ladder = LadderState.fold("alice", catalog, history);
 * String markdown = LadderExport.markdown(ladder);
 * }</pre>
 */
@NullMarked
package ladder.model.ladder;

import org.jspecify.annotations.NullMarked;
