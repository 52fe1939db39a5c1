package ladder.webapp.ladder;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ladder.model.ladder.Topic;
import ladder.webapp.account.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ladder's topics over HTTP: everyone signed in reads them, mentors and admins add them ({@link TopicService}). */
@RestController
@RequestMapping("/api")
class TopicApiController {

    private static final String ANY_ROLE = "hasAnyRole('LEARNER','MENTOR','ADMIN')";
    private static final String REVIEWER = "hasAnyRole('MENTOR','ADMIN')";

    record TopicJson(String id, String name, String area, String description, boolean retired,
            Map<String, String> rungs) {
        static TopicJson of(Topic topic) {
            Map<String, String> rungs = new LinkedHashMap<>();
            topic.rungDescriptions().forEach((rung, text) -> rungs.put(rung.id(), text));
            return new TopicJson(topic.id(), topic.name(), topic.area(), topic.description(), topic.retired(), rungs);
        }
    }

    record NewTopicRequest(@Nullable String id, @Nullable String name, @Nullable String area,
            @Nullable String description) {
    }

    private final TopicService topics;
    private final CurrentUser currentUser;

    TopicApiController(TopicService topics, CurrentUser currentUser) {
        this.topics = topics;
        this.currentUser = currentUser;
    }

    @GetMapping("/topics")
    @PreAuthorize(ANY_ROLE)
    List<TopicJson> topics() {
        return topics.catalog().topics().stream().map(TopicJson::of).toList();
    }

    @PostMapping("/topics")
    @PreAuthorize(REVIEWER)
    ResponseEntity<TopicJson> addTopic(@RequestBody NewTopicRequest request) {
        Topic topic = topics.addTopic(currentUser.require(), request.id(), request.name(), request.area(), request.description());
        return ResponseEntity.created(URI.create("/api/topics/" + topic.id())).body(TopicJson.of(topic));
    }
}
