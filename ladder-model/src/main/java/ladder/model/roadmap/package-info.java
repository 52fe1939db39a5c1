/**
 * The team's roadmap: goals, the dependencies between them, readiness and cycle rules, and the
 * Graphviz DOT import and export (plus Markdown table, JSON and diff) that the web app builds on.
 */
@NullMarked
package ladder.model.roadmap;

import org.jspecify.annotations.NullMarked;
