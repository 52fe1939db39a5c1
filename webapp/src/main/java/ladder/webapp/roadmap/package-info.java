/**
 * The roadmap feature: several roadmaps of goals kept as Graphviz DOT, stored with their history,
 * rendered to SVG with the native {@code dot}, imported and exported, and served over REST.
 */
@NullMarked
package ladder.webapp.roadmap;

import org.jspecify.annotations.NullMarked;
