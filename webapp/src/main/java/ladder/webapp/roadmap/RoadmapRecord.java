package ladder.webapp.roadmap;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A stored roadmap: its name, whether it is the default, and its canonical DOT (the lossless truth). */
@Entity
@Table(name = "roadmap")
class RoadmapRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(name = "is_default", nullable = false)
    private boolean defaultRoadmap;

    @Column(nullable = false, length = 1_000_000)
    private String dot;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected RoadmapRecord() { } // for JPA

    RoadmapRecord(String name, boolean defaultRoadmap, String dot, Instant now) {
        this.name = name;
        this.defaultRoadmap = defaultRoadmap;
        this.dot = dot;
        this.createdAt = now;
        this.updatedAt = now;
    }

    long id() { return id == null ? 0 : id; }
    String getName() { return name; }
    boolean isDefault() { return defaultRoadmap; }
    String getDot() { return dot; }
    long getVersion() { return version; }
    Instant getUpdatedAt() { return updatedAt; }

    void setDefault(boolean defaultRoadmap) { this.defaultRoadmap = defaultRoadmap; }

    void setDot(String dot, Instant now) {
        this.dot = dot;
        this.updatedAt = now;
    }
}
