package io.capacityctl.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryTelemetrySinkTest {
  private final InMemoryTelemetrySink sink = new InMemoryTelemetrySink();

  @Test
  void valuesBecomeVisibleOnFlushInOrder() {
    sink.put("TargetUnits", 5, "Count", Map.of("Model", "sonnet"));
    sink.put("TargetUnits", 3, "Count", Map.of("Model", "haiku"));

    assertThat(sink.values("TargetUnits", Map.of("Model", "sonnet"))).isEmpty();
    assertThat(sink.pending()).hasSize(2);

    sink.flush();
    sink.put("TargetUnits", 8, "Count", Map.of("Model", "sonnet"));
    sink.flush();

    assertThat(sink.values("TargetUnits", Map.of("Model", "sonnet"))).containsExactly(5.0, 8.0);
    assertThat(sink.values("TargetUnits", Map.of("Model", "haiku"))).containsExactly(3.0);
    assertThat(sink.pending()).isEmpty();
    assertThat(sink.flushes()).isEqualTo(2);
  }
}
