package ladder.labs.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops a process together with every process it started: politely first, then forcibly. */
final class ProcessTrees {

    private static final Duration GRACE = Duration.ofSeconds(10);

    private ProcessTrees() {}

    /**
     * Stops the process and its descendants; returns once none of them is alive.
     *
     * @return true when all stopped within the grace period, false when one had to be killed
     */
    static boolean stop(ProcessHandle process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process);
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle handle : all) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception e) {
                // still alive after the grace period, or interrupted: killed below
            }
        }
        boolean graceful = true;
        for (ProcessHandle handle : all) {
            if (handle.isAlive()) {
                graceful = false;
                handle.destroyForcibly();
                try {
                    handle.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    // a process that survives SIGKILL for five seconds is beyond our reach
                }
            }
        }
        return graceful;
    }
}
