/**
 * Runtimes that start a lab's components for one session and stop them again: the process runtime
 * (native binaries on 127.0.0.1) and the interface a Docker runtime would implement.
 */
@NullMarked
package ladder.labs.runtime;

import org.jspecify.annotations.NullMarked;
