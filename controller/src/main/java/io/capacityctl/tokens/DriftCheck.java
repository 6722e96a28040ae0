package io.capacityctl.tokens;

import io.capacityctl.config.IntentsConfig;
import io.capacityctl.ports.CloudException;
import io.capacityctl.ports.IntentTokensApi;
import io.capacityctl.telemetry.TelemetrySink;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One reconcile pass's token drift check: reads the last {@link #WINDOW} of observed tokens per
 * request per intent, publishes each intent's observed / budget ratio as {@link
 * TokenDrift#METRIC_NAME} (dimension {@code Intent}) and returns warnings naming every intent over
 * budget. It runs after the pass has acted, so nothing it reads or fails on changes capacity.
 */
public final class DriftCheck {
  /** Long enough to average over many requests, short enough to alarm within the hour. */
  public static final Duration WINDOW = Duration.ofMinutes(15);

  static final String DIMENSION = "Intent";

  private final IntentsConfig intents;
  private final IntentTokensApi observed;
  private final TelemetrySink telemetry;

  public DriftCheck(IntentsConfig intents, IntentTokensApi observed, TelemetrySink telemetry) {
    this.intents = intents;
    this.observed = Objects.requireNonNull(observed, "intents are configured but no tokens port");
    this.telemetry = telemetry;
  }

  /** Checks the window ending at the last whole minute before {@code now}; warnings, if any. */
  public List<String> run(Instant now) {
    Instant to = now.truncatedTo(ChronoUnit.MINUTES);
    Map<String, Double> read;
    DriftReport report;
    try {
      read = observed.tokensPerRequest(intents.budgets().keySet(), to.minus(WINDOW), to);
      report = TokenDrift.compare(read, intents.budgets());
    } catch (CloudException e) {
      return List.of(
          "token drift: cannot read "
              + metricName()
              + " ("
              + e.kind()
              + " on "
              + e.action()
              + "); TokensPerIntentOverBudget not published");
    } catch (IllegalArgumentException e) {
      // A negative datapoint is the application's bug; say so rather than fail the pass.
      return List.of("token drift: bad " + metricName() + " data: " + e.getMessage());
    }
    report
        .ratios()
        .forEach(
            r ->
                telemetry.put(
                    TokenDrift.METRIC_NAME, r.ratio(), "None", Map.of(DIMENSION, r.intent())));
    telemetry.flush();
    return warnings(report);
  }

  private List<String> warnings(DriftReport report) {
    List<String> out = new ArrayList<>();
    for (DriftRatio r : report.overBudget()) {
      out.add(
          String.format(
              Locale.ROOT,
              "intent %s over token budget: %.0f tokens/request vs budget %d (%.2fx)",
              r.intent(),
              r.observedTokensPerRequest(),
              r.budgetTokensPerRequest(),
              r.ratio()));
    }
    if (!report.unobserved().isEmpty()) {
      out.add(
          "token drift: no "
              + metricName()
              + " datapoints in the last "
              + WINDOW.toMinutes()
              + " minutes for "
              + String.join(", ", report.unobserved()));
    }
    return out;
  }

  private String metricName() {
    return intents.metric().namespace() + "/" + intents.metric().name();
  }
}
