package ladder.labs.cyclefixture.billing;

import ladder.labs.cyclefixture.orders.Order;

/** The other half of the deliberate cycle: billing → orders. */
public record Invoice(String number, @org.jspecify.annotations.Nullable Order order) {
}
