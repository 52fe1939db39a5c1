package ladder.webapp.ladder;

import java.util.List;
import ladder.model.ladder.Rung;

/**
 * What a person enters to place a learner on a rung of one topic.
 *
 * @param topic    the topic's id
 * @param rung     the rung claimed (cumulative: includes every rung below)
 * @param evidence what shows it, may be empty up to knowledge
 * @param links    links to evidence (http or https), may be empty
 * @param note     a free note, may be empty
 */
public record ClaimInput(String topic, Rung rung, String evidence, List<String> links, String note) {

    public ClaimInput {
        links = List.copyOf(links);
    }
}
