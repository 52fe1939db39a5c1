/**
 * Runtimes that start a lab's components for one session and stop them again: the process runtime
 * (native binaries on 127.0.0.1) and the Docker runtime (Ladder's images, one network per session), sharing
 * each component kind's knowledge ({@link ladder.labs.runtime.ComponentRecipe}).
 */
@NullMarked
package ladder.labs.runtime;

import org.jspecify.annotations.NullMarked;
