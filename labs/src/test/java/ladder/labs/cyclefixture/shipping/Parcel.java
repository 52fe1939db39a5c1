package ladder.labs.cyclefixture.shipping;

import ladder.labs.cyclefixture.orders.Order;

/** Depends on orders without being depended on: no cycle of its own. */
public record Parcel(Order order) {
}
