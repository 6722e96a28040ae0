package io.capacityctl.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeployOptionsTest {

  @Test
  void contextWinsOverTheEnvironment() {
    DeployOptions o =
        DeployOptions.read(
            Map.<String, Object>of("mode", "ecs")::get,
            Map.of("CAPACITYCTL_MODE", "lambda", "CAPACITYCTL_CONFIG", "a.yaml"));

    assertThat(o.mode()).isEqualTo(Mode.ECS);
    assertThat(o.config()).contains("a.yaml");
  }

  @Test
  void defaultsToTheBundledConfigurationInLambdaMode() {
    DeployOptions o = DeployOptions.read(k -> null, Map.of());

    assertThat(o.mode()).isEqualTo(Mode.LAMBDA);
    assertThat(o.config()).isEmpty();
    assertThat(o.alarmEmail()).isEmpty();
  }

  @Test
  void camelCaseOptionsMapToUpperSnakeEnvironmentVariables() {
    assertThat(DeployOptions.envName("lambdaJar")).isEqualTo("CAPACITYCTL_LAMBDA_JAR");
    assertThat(
            DeployOptions.read(k -> null, Map.of("CAPACITYCTL_ALARM_EMAIL", " ops@example.com "))
                .alarmEmail())
        .isEqualTo(Optional.of("ops@example.com"));
  }

  @Test
  void anUnknownModeNamesTheOptionAndTheChoices() {
    assertThatThrownBy(
            () -> DeployOptions.read(Map.<String, Object>of("mode", "k8s")::get, Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("option 'mode': 'k8s' is not one of lambda, ecs");
  }
}
