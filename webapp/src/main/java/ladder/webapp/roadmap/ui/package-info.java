/**
 * The roadmap's views: the graph with its legend and downloads, a goal's details and editing,
 * the filterable list of goals and the import of DOT in the browser.
 */
@NullMarked
package ladder.webapp.roadmap.ui;

import org.jspecify.annotations.NullMarked;
