package ladder.model.lab;

import java.util.List;

/**
 * Thrown when a lab's checks wait for each other in a circle (through {@code needs} or {@code runs-after}), so that
 * none of them could ever start; the message names the circle, e.g. {@code a -> b -> a}.
 */
public final class NeedsCycleException extends IllegalArgumentException {

    private final List<String> cycle;

    public NeedsCycleException(List<String> cycle) {
        super("checks need each other in a circle: " + String.join(" -> ", cycle));
        this.cycle = List.copyOf(cycle);
    }

    /** The checks of the circle in the order they wait for each other, the first one repeated last. */
    public List<String> cycle() {
        return cycle;
    }
}
