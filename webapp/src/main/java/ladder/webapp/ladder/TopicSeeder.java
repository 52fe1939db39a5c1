package ladder.webapp.ladder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, stores the default catalog's topics that are not stored yet. Topics are never deleted, so
 * a stored topic (edited or retired by a mentor) is left as it is; a new release's new topics arrive.
 */
@Component
@Order(10)
class TopicSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TopicSeeder.class);
    private final TopicService topics;

    TopicSeeder(TopicService topics) {
        this.topics = topics;
    }

    @Override
    public void run(ApplicationArguments args) {
        int added = topics.seedDefaultTopics();
        if (added > 0) {
            log.info("Added {} topics from the default knowledge ladder catalog", added);
        }
    }
}
