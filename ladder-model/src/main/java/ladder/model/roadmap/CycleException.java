package ladder.model.roadmap;

import java.util.List;

/**
 * Thrown when dependencies would form a cycle; the message names it, e.g.
 * {@code cycle: a -> b -> c -> a}, and {@link #cycle()} lists its goals with the first one repeated last.
 */
public final class CycleException extends IllegalArgumentException {
    private final List<String> cycle;

    public CycleException(List<String> cycle) {
        super("cycle: " + String.join(" -> ", cycle));
        this.cycle = List.copyOf(cycle);
    }

    /** The goals of the cycle in edge order, first one repeated last: {@code [a, b, c, a]}. */
    public List<String> cycle() {
        return cycle;
    }
}
