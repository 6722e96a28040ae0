package io.capacityctl.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** ECS mode: one controller task, never two at once, health-checked on /healthz. */
class EcsModeTest {
  private final Template template = Synthesized.ecs().template();

  @Test
  void oneTaskAndDeploymentsStopTheOldControllerFirst() {
    template.hasResourceProperties(
        "AWS::ECS::Service",
        Match.objectLike(
            Map.of(
                "DesiredCount",
                1,
                "LaunchType",
                "FARGATE",
                "DeploymentConfiguration",
                Match.objectLike(Map.of("MinimumHealthyPercent", 0, "MaximumPercent", 100)))));
  }

  @Test
  void theContainerRunsTheControllerAndIsHealthCheckedOnHealthz() {
    template.hasResourceProperties(
        "AWS::ECS::TaskDefinition",
        Match.objectLike(
            Map.of(
                "RequiresCompatibilities", List.of("FARGATE"),
                "TaskRoleArn", Map.of("Fn::GetAtt", List.of(controllerRoleId(), "Arn")),
                "ContainerDefinitions",
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "Command", List.of("run", "--config", "schedules/mangaassist.yaml"),
                                "HealthCheck",
                                    Match.objectLike(
                                        Map.of(
                                            "Command",
                                            List.of(
                                                "CMD-SHELL",
                                                "curl -fsS http://localhost:8080/healthz"
                                                    + " || exit 1"))),
                                "Environment",
                                    Match.arrayWith(
                                        List.of(
                                            Map.of(
                                                "Name", "CAPACITYCTL_CONFIG",
                                                "Value", "schedules/mangaassist.yaml")))))))));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theServiceWaitsForItsRolesPolicy() {
    Synthesized.Synth ecs = Synthesized.ecs();
    String policy =
        Synthesized.resourcesOf(ecs, "AWS::IAM::Policy").entrySet().stream()
            .filter(
                p -> p.getValue().get("Roles").equals(List.of(Map.of("Ref", controllerRoleId()))))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow();
    Map<String, Object> service =
        ecs.resources().values().stream()
            .filter(r -> "AWS::ECS::Service".equals(r.get("Type")))
            .findFirst()
            .orElseThrow();

    // Otherwise the first pass may run before its permissions exist and be denied.
    assertThat((List<Object>) service.get("DependsOn")).contains(policy);
  }

  @Test
  void noLambdaOrScheduleInEcsMode() {
    template.resourceCountIs("AWS::Lambda::Function", 0);
    template.resourceCountIs("AWS::Scheduler::Schedule", 0);
  }

  private static String controllerRoleId() {
    return Synthesized.resourcesOf(Synthesized.ecs(), "AWS::IAM::Role").keySet().stream()
        .filter(id -> id.startsWith("ControllerRole"))
        .findFirst()
        .orElseThrow();
  }
}
