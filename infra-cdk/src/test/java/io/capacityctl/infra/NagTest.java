package io.capacityctl.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.infra.nag.NagSuppressionList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/**
 * The synthesised stacks pass cdk-nag's AwsSolutions pack, and every suppression is justified in
 * NagSuppressionList and listed in docs/deploy.md.
 */
class NagTest {

  static Stream<Synthesized.Synth> allStacks() {
    return Stream.of(
        Synthesized.lambda(), Synthesized.ecs(), Synthesized.fileConfig(), Synthesized.s3Config());
  }

  @ParameterizedTest
  @MethodSource("allStacks")
  void noAwsSolutionsFindingIsLeft(Synthesized.Synth synth) {
    Annotations annotations = Annotations.fromStack(synth.stack());
    List<SynthesisMessage> findings =
        Stream.concat(
                annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream(),
                annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream())
            .toList();

    assertThat(findings)
        .as(
            "cdk-nag findings:%n%s",
            String.join(
                "\n",
                findings.stream().map(m -> m.getId() + ": " + m.getEntry().getData()).toList()))
        .isEmpty();
  }

  @ParameterizedTest
  @MethodSource("allStacks")
  void thePackRanAndItsSuppressionsAreRecordedOnTheResources(Synthesized.Synth synth) {
    assertThat(Synthesized.pretty(synth.json())).contains("rules_to_suppress");
  }

  @Test
  void everySuppressionHasAReasonAndIsListedInTheDeployGuide() {
    String docs = DeployDocs.text();

    assertThat(NagSuppressionList.all()).isNotEmpty();
    assertThat(NagSuppressionList.all())
        .allSatisfy(
            s -> {
              assertThat(s.reason()).hasSizeGreaterThan(20);
              assertThat(docs).contains("`" + s.rule() + "`").contains(s.reason());
            });
  }
}
