package ladder.labs.cyclefixture.orders;

import ladder.labs.cyclefixture.billing.Invoice;

/** Half of a deliberate package cycle, for {@code PackageCyclesTest}: orders → billing. */
public record Order(String id, Invoice invoice) {
}
