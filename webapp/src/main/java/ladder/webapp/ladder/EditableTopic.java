package ladder.webapp.ladder;

import ladder.model.ladder.Topic;

/** A topic with the version an edit must name, so a stale edit is refused instead of overwriting. */
public record EditableTopic(Topic topic, long version) {
}
