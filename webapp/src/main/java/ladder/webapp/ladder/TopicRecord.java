package ladder.webapp.ladder;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import ladder.model.ladder.Rung;
import ladder.model.ladder.Topic;
import org.jspecify.annotations.Nullable;

/** A topic as stored: editable by mentors and admins, retired instead of deleted. */
@Entity
@Table(name = "ladder_topic")
class TopicRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String area;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private boolean retired;

    @Column(nullable = false)
    private int position;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ladder_topic_rung", joinColumns = @JoinColumn(name = "topic_id"))
    @MapKeyColumn(name = "rung")
    @MapKeyEnumerated(EnumType.STRING)
    @Column(name = "description", nullable = false)
    private Map<Rung, String> rungDescriptions = new HashMap<>();

    @Version
    private long version;

    protected TopicRecord() { } // for JPA

    TopicRecord(Topic topic, int position, Instant now) {
        this.slug = topic.id();
        this.name = topic.name();
        this.area = topic.area();
        this.description = topic.description();
        this.retired = topic.retired();
        this.position = position;
        this.createdAt = now;
        this.rungDescriptions.putAll(topic.rungDescriptions());
    }

    String getSlug() { return slug; }
    long getVersion() { return version; }
    int getPosition() { return position; }

    void edit(String name, String area, String description) {
        this.name = name;
        this.area = area;
        this.description = description;
    }

    void setRetired(boolean retired) { this.retired = retired; }

    Topic toTopic() {
        Map<Rung, String> rungs = rungDescriptions.isEmpty() ? Map.of() : new EnumMap<>(rungDescriptions);
        return new Topic(slug, name, area, description, rungs, retired);
    }
}
