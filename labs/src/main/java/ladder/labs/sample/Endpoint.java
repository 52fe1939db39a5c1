package ladder.labs.sample;

/** What answers one path and method of the sample service. */
@FunctionalInterface
interface Endpoint {

    /**
     * @throws IllegalArgumentException when the request is bad, answered 400 with its message
     * @throws InterruptedException     when the service is stopping
     */
    Reply handle(Request request) throws InterruptedException;
}
