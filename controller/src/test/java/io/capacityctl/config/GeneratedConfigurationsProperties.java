package io.capacityctl.config;

import static io.capacityctl.testing.AdversarialValues.configName;
import static io.capacityctl.testing.AdversarialValues.cron;
import static io.capacityctl.testing.AdversarialValues.duration;
import static io.capacityctl.testing.AdversarialValues.eventDuration;
import static io.capacityctl.testing.AdversarialValues.eventName;
import static io.capacityctl.testing.AdversarialValues.leadTime;
import static io.capacityctl.testing.AdversarialValues.modelId;
import static io.capacityctl.testing.AdversarialValues.modelKey;
import static io.capacityctl.testing.AdversarialValues.multiplier;
import static io.capacityctl.testing.AdversarialValues.number;
import static io.capacityctl.testing.AdversarialValues.quote;
import static io.capacityctl.testing.AdversarialValues.timezone;
import static io.capacityctl.testing.AdversarialValues.weight;
import static io.capacityctl.testing.AdversarialValues.whole;
import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.testing.AdversarialValues;
import io.capacityctl.testing.BoundedPlan;
import io.capacityctl.testing.WorstTimes;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Issue 16, point 3: generated configurations, valid and adversarial. Whatever validates plans on
 * the simulated cloud with the calendar's work within its structural bound ({@link BoundedPlan});
 * whatever does not is refused naming the file, line and field, never with another exception. The
 * times are written to {@code target/generated-configurations.txt}; none is asserted.
 */
class GeneratedConfigurationsProperties {
  private static final String SOURCE = "generated.yaml";
  private static final AtomicInteger VALID = new AtomicInteger();
  private static final WorstTimes VALIDATE = new WorstTimes("validate");
  private static final WorstTimes PLAN = new WorstTimes("plan");

  /** Times measure the input, not the JIT: parser and planner are compiled before the tries. */
  @BeforeContainer
  static void warmUp() throws Exception {
    for (int i = 0; i < 300; i++) {
      ConfigLoader.parse(ConfigFixtures.VALID, SOURCE);
    }
    for (int i = 0; i < 3; i++) {
      BoundedPlan.plan(ConfigLoader.parse(ConfigFixtures.VALID, SOURCE), List.of());
    }
  }

  @Property(tries = 400)
  void aConfigurationIsRefusedWithFileLineAndFieldOrPlansWithinTheBound(
      @ForAll("configurations") String yaml) {
    long t = System.nanoTime();
    CapacityConfig config;
    try {
      config = ConfigLoader.parse(yaml, SOURCE);
    } catch (ConfigException e) {
      VALIDATE.record(System.nanoTime() - t, yaml);
      Statistics.label("configuration").collect("refused");
      Statistics.label("first refusal")
          .collect(e.errors().get(0).field().replaceAll("\\[\\d+]", "[]"));
      assertLocated(e);
      return;
    }
    VALIDATE.record(System.nanoTime() - t, yaml);
    VALID.incrementAndGet();
    Statistics.label("configuration").collect("validates");
    PLAN.record(BoundedPlan.plan(config, List.of()), yaml);
  }

  private static void assertLocated(ConfigException e) {
    assertThat(e.errors()).isNotEmpty();
    for (ConfigError err : e.errors()) {
      assertThat(err.source()).as(err.toString()).isEqualTo(SOURCE);
      assertThat(err.field()).as(err.toString()).isNotBlank();
      assertThat(err.message()).as(err.toString()).isNotBlank();
      if (!err.field().equals("(file)")) {
        assertThat(err.line()).as("line of " + err).isPositive();
      }
    }
  }

  @Provide
  Arbitrary<String> configurations() {
    return Arbitraries.of(false, true).flatMap(GeneratedConfigurationsProperties::configurations);
  }

  private static Arbitrary<String> configurations(boolean hostile) {
    return modelKey(hostile)
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .uniqueElements()
        .flatMap(
            keys ->
                Combinators.combine(
                        configName(hostile),
                        timezone(hostile),
                        models(keys, hostile),
                        events(keys.get(0), hostile),
                        settings(hostile))
                    .as(
                        (name, zone, models, events, settings) ->
                            "name: "
                                + quote(name)
                                + "\ntimezone: "
                                + quote(zone)
                                + "\n"
                                + models
                                + schedule(keys)
                                + events
                                + settings));
  }

  private static Arbitrary<String> models(List<String> keys, boolean h) {
    Arbitrary<String> one =
        Combinators.combine(
                modelId(h),
                number(h, "1000", "3000", "250.5"),
                number(h, "7.70", "2.40", "0"),
                number(h, "0.0045", "0.000375"),
                number(h, "5000", "0", "20000"),
                whole(h, "0", "1"),
                whole(h, "60", "20", "10000"),
                duration(h, "PT15M", "15m", "20m", "1h"))
            .as(
                (id, tps, usd, od, odTps, min, max, prov) ->
                    "{modelId: %s, tokensPerSecondPerUnit: %s, unitHourlyUsd: %s,"
                            .formatted(quote(id), tps, usd)
                        + " onDemandUsdPer1kTokens: %s, onDemandTps: %s, minUnits: %s,"
                            .formatted(od, odTps, min)
                        + " maxUnits: %s, provisioningTime: %s}".formatted(max, quote(prov)));
    return one.list()
        .ofSize(keys.size())
        .map(
            ms -> {
              StringBuilder b = new StringBuilder("models:\n");
              for (int i = 0; i < keys.size(); i++) {
                b.append("  ").append(quote(keys.get(i))).append(": ").append(ms.get(i));
                b.append('\n');
              }
              return b.toString();
            });
  }

  private static String schedule(List<String> keys) {
    StringBuilder units = new StringBuilder();
    for (String k : keys) {
      units.append(units.length() == 0 ? "" : ", ").append(quote(k)).append(": 4");
    }
    return "schedule:\n  - {from: \"00:00\", to: \"00:00\", units: {" + units + "}}\n";
  }

  private static Arbitrary<String> events(String firstModel, boolean h) {
    Arbitrary<Integer> count =
        Arbitraries.frequencyOf(
            weight(8, Arbitraries.integers().between(0, 6)),
            weight(1, Arbitraries.of(40, 97, 499, 501, 2_000)));
    return count.flatMap(
        n ->
            event(firstModel, h)
                .list()
                .ofSize(n)
                .map(
                    list -> {
                      if (list.isEmpty()) {
                        return "";
                      }
                      StringBuilder b = new StringBuilder("events:\n");
                      for (int i = 0; i < list.size(); i++) {
                        b.append("  - ").append(list.get(i).replace("\"@N@\"", "e" + i));
                        b.append('\n');
                      }
                      return b.toString();
                    }));
  }

  private static Arbitrary<String> event(String model, boolean h) {
    Arbitrary<String> when =
        Arbitraries.frequencyOf(
            weight(1, cron(h).map(c -> "cron: " + quote(c))),
            weight(
                1,
                Arbitraries.integers()
                    .between(-3 * 24, 40 * 24)
                    .map(hours -> "start: " + quote(AdversarialValues.at(BoundedPlan.T0, hours)))));
    return Combinators.combine(
            eventName(h),
            when,
            eventDuration(h),
            multiplier(h),
            leadTime(h),
            Arbitraries.of(true, false))
        .as(
            (name, w, d, m, lead, allModels) ->
                "{name: %s, %s, duration: %s, multiplier: %s, leadTime: %s%s}"
                    .formatted(
                        quote(name),
                        w,
                        quote(d),
                        m,
                        quote(lead),
                        allModels ? "" : ", models: [" + quote(model) + "]"));
  }

  private static Arbitrary<String> settings(boolean h) {
    Arbitrary<String> policy =
        Combinators.combine(
                number(h, "0.8", "0.5", "1"),
                whole(h, "1", "2", "3"),
                duration(h, "PT2M", "2m", "10m", "0"),
                number(h, "0.3", "0"))
            .as(
                (u, block, drain, margin) ->
                    ("policy: {targetUtilization: %s, blockUnits: %s, drainTime: %s,"
                            + " eventMargin: %s}\n")
                        .formatted(u, block, quote(drain), margin));
    Arbitrary<String> aws =
        Combinators.combine(
                optional(h, "ptNamePrefix", "cap-", "cap--", "p".repeat(45) + "-", "_x-"),
                optional(h, "stateTable", "capacityctl-x", "ab", "my table", "t".repeat(300)),
                optional(h, "routesParameter", "/capacityctl/x/routes", "/aws/x", "/a//b"))
            .as((p, t, r) -> "aws: {" + p + t + r + "region: ap-northeast-1}\n");
    Arbitrary<String> extra =
        Arbitraries.frequencyOf(
            weight(10, Arbitraries.just("")),
            weight(
                h ? 1 : 0,
                Arbitraries.integers()
                    .between(2, 40)
                    .map(d -> "unknownKey: " + "{a: ".repeat(d) + "1" + "}".repeat(d) + "\n")));
    return Combinators.combine(policy, aws, extra).as((p, a, x) -> p + a + x);
  }

  /**
   * Mostly absent, sometimes {@code key: value, } with {@code values[0]}, or when hostile any one.
   */
  private static Arbitrary<String> optional(boolean h, String key, String... values) {
    return Arbitraries.frequencyOf(
        weight(6, Arbitraries.just("")),
        weight(
            1,
            (h ? Arbitraries.of(values) : Arbitraries.just(values[0]))
                .map(v -> key + ": " + quote(v) + ", ")));
  }

  @AfterContainer
  static void writeFigures() throws Exception {
    WorstTimes.write(
        "generated-configurations.txt",
        "configurations that validated (and were planned): "
            + VALID.get()
            + "\n"
            + VALIDATE.report()
            + PLAN.report());
  }
}
