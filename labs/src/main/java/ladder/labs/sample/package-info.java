/**
 * The sample shop service that labs deploy and learners observe: orders, checkout and payments over
 * plain JDK HTTP, with Prometheus metrics, Zipkin traces, trace-carrying logs, load and fault injection.
 */
@NullMarked
package ladder.labs.sample;

import org.jspecify.annotations.NullMarked;
