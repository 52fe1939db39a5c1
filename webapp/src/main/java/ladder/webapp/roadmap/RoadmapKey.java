package ladder.webapp.roadmap;

/**
 * A stored roadmap at one version: what never changes once written, so the cached model and the
 * cached SVG of a roadmap are keyed by it (a change raises the version, and the old entries age out).
 */
record RoadmapKey(long id, long version) {
}
