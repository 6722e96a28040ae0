package io.capacityctl.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.runtime.LiveGraph;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;

/**
 * SnapStart restores every instance from one snapshot: a client, clock or random seed in static
 * state would be shared and stale. The handlers keep nothing static but their logger.
 */
class SnapStartSafetyTest {
  @Test
  void handlersHoldNoStaticStateButTheirLogger() {
    for (Class<?> handler :
        List.of(ReconcileHandler.class, HealthCheckHandler.class, WasteReportHandler.class)) {
      assertThat(
              Arrays.stream(handler.getDeclaredFields())
                  .filter(f -> Modifier.isStatic(f.getModifiers()))
                  .map(Field::getType))
          .as(handler.getSimpleName())
          .containsOnly(Logger.class);
    }
  }

  @Test
  void theRealGraphIsBuiltFromTheEnvironmentWithoutCallingAws() {
    LiveGraph live =
        LambdaComponent.live(java.util.Map.of("CAPACITYCTL_CONFIG", "schedules/mangaassist.yaml"));

    assertThat(new ReconcileHandler(live)).isNotNull();
    assertThat(live.config().current().source()).isEqualTo("classpath:schedules/mangaassist.yaml");
  }

  @Test
  void aBadConfigLocationFailsTheInitNamingIt() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                LambdaComponent.live(java.util.Map.of("CAPACITYCTL_CONFIG", "/nope/missing.yaml")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("$CAPACITYCTL_CONFIG")
        .hasMessageContaining("/nope/missing.yaml: (file): cannot read");
  }
}
