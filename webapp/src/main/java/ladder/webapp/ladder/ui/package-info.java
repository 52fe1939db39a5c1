/**
 * Views of the knowledge ladder: a learner's ladder with its picture and timelines, self-assessment and
 * the guided assessment, the mentors' review queue and team view, and the topics admin.
 */
@NullMarked
package ladder.webapp.ladder.ui;

import org.jspecify.annotations.NullMarked;
