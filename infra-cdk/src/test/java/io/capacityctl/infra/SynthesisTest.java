package io.capacityctl.infra;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

/** Every mode and configuration synthesises without an error or an unexplained warning. */
class SynthesisTest {

  static Stream<Synthesized.Synth> stacks() {
    return Stream.of(Synthesized.lambda(), Synthesized.ecs(), Synthesized.fileConfig());
  }

  @ParameterizedTest
  @MethodSource("stacks")
  void synthesisesCleanly(Synthesized.Synth synth) {
    Annotations annotations = Annotations.fromStack(synth.stack());

    annotations.hasNoError("*", Match.anyValue());
    annotations.hasNoWarning("*", Match.anyValue());
  }
}
