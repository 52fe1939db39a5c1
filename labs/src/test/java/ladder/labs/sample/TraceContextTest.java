package ladder.labs.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceContextTest {

    @Test
    void a_valid_traceparent_is_continued_with_a_new_span_whose_parent_is_the_callers() {
        TraceContext span = TraceContext.serverSpan("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", 0.0);

        assertThat(span.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(span.parentId()).isEqualTo("00f067aa0ba902b7");
        assertThat(span.spanId()).matches("[0-9a-f]{16}").isNotEqualTo("00f067aa0ba902b7");
        assertThat(span.sampled()).as("the caller decided, not the local rate of 0").isTrue();
    }

    @Test
    void an_unsampled_caller_makes_an_unsampled_span_whatever_the_local_rate() {
        assertThat(TraceContext.serverSpan("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00", 1.0).sampled())
                .isFalse();
    }

    @Test
    void malformed_or_all_zero_traceparents_start_a_new_trace() {
        for (String header : new String[] {"garbage", "00-abc-def-01", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", ""}) {
            TraceContext span = TraceContext.serverSpan(header, 1.0);
            assertThat(span.parentId()).as(header).isNull();
            assertThat(span.traceId()).as(header).matches("[0-9a-f]{32}").isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        }
    }

    @Test
    void a_child_keeps_the_trace_and_sampling_and_points_at_its_parent() {
        TraceContext root = TraceContext.newTrace(1.0);
        TraceContext child = root.child();

        assertThat(child.traceId()).isEqualTo(root.traceId());
        assertThat(child.parentId()).isEqualTo(root.spanId());
        assertThat(child.sampled()).isTrue();
        assertThat(child.traceparent()).isEqualTo("00-" + root.traceId() + "-" + child.spanId() + "-01");
    }
}
