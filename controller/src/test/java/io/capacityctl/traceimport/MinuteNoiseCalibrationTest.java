package io.capacityctl.traceimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The noise model's figures are the Azure LLM inference trace's (code completion, 2023-11-16, CC-BY
 * 4.0, Patel et al., Splitwise, ISCA 2024; test resources traces/azure): tokens per whole minute,
 * averaged over twelve alignments of the minute boundaries (every 5 s), so that no one choice of
 * boundary decides the figure.
 */
class MinuteNoiseCalibrationTest {

  @Test
  void theModelsFiguresAreTheAzureTracesMeasuredOnes() throws Exception {
    List<double[]> requests = new ArrayList<>(); // seconds since the first request, tokens
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                getClass().getResourceAsStream("/traces/azure/AzureLLMInferenceTrace_code.csv"),
                StandardCharsets.UTF_8))) {
      r.readLine();
      LocalDateTime first = null;
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split(",");
        LocalDateTime t = LocalDateTime.parse(f[0].substring(0, 26).replace(' ', 'T'));
        first = first == null ? t : first;
        double s = Duration.between(first, t).toNanos() / 1e9;
        requests.add(new double[] {s, Double.parseDouble(f[1]) + Double.parseDouble(f[2])});
      }
    }
    double span = requests.get(requests.size() - 1)[0];
    double cv = 0;
    double lag1 = 0;
    double lag2 = 0;
    double tps = 0;
    int alignments = 12;
    for (int a = 0; a < alignments; a++) {
      int offset = 5 * a;
      int minutes = (int) ((span - offset) / 60);
      double[] x = new double[minutes];
      for (double[] q : requests) {
        int m = (int) Math.floor((q[0] - offset) / 60);
        if (m >= 0 && m < minutes) {
          x[m] += q[1];
        }
      }
      cv += MinuteNoiseTest.cv(x) / alignments;
      lag1 += MinuteNoiseTest.acf(x, 1) / alignments;
      lag2 += MinuteNoiseTest.acf(x, 2) / alignments;
      tps += MinuteNoiseTest.mean(x) / 60 / alignments;
    }

    assertThat(requests).hasSize(8819);
    assertThat(tps).isCloseTo(MinuteNoise.REFERENCE_TPS, within(50.0));
    assertThat(cv).isCloseTo(MinuteNoise.REFERENCE_CV, within(0.01));
    assertThat(lag1).isCloseTo(MinuteNoise.LAG1, within(0.01));
    assertThat(lag2).isCloseTo(MinuteNoise.LAG2, within(0.01));
  }
}
