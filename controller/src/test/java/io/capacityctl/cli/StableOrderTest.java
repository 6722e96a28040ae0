package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.capacityctl.calendar.CapacityCalendar;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.EventSpec;
import io.capacityctl.planner.ModelState;
import io.capacityctl.planner.Observation;
import io.capacityctl.planner.Plan;
import io.capacityctl.planner.Planner;
import io.capacityctl.reconcile.PassReport;
import io.capacityctl.testing.History;
import io.capacityctl.testing.TestConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every output lists models in the configuration's order, the same on every run: eight models, so
 * an order that depends on hashing (a new seed per JVM) matches the file's by chance once in 40,320
 * runs.
 */
class StableOrderTest {
  private static final Instant NOW = Instant.parse("2027-01-06T12:00:00Z");
  private static final List<String> MODELS =
      List.of("sonnet", "haiku", "opus", "titan", "llama", "mistral", "nova", "command");

  private static CapacityConfig eightModels() {
    TestConfig c = TestConfig.empty();
    MODELS.forEach(c::model);
    return c.allDay(String.join(", ", MODELS.stream().map(m -> m + ": 2").toList())).build();
  }

  private static Plan plan(CapacityConfig config) {
    Map<String, ModelState> states = new LinkedHashMap<>();
    for (String m : MODELS) {
      states.put(m, new ModelState(m, 1, 0, 0, 0, History.flat(NOW, 500).build(), null));
    }
    return new Planner(config, CapacityCalendar.of(config))
        .plan(new Observation(NOW, states, null), List.of(), NOW);
  }

  @Test
  void planListsModelsInConfigOrder() {
    CapacityConfig config = eightModels();

    Plan plan = plan(config);

    assertThat(config.modelKeys()).containsExactlyElementsOf(MODELS);
    assertThat(plan.models().keySet()).containsExactlyElementsOf(MODELS);
  }

  @Test
  void planPrintsModelsInConfigOrderAsTableAndJson() throws Exception {
    PassReport report =
        new PassReport(
            NOW,
            PassReport.Outcome.PLANNED,
            "cli",
            0,
            plan(eightModels()),
            List.of(),
            List.of(),
            List.of());
    StringWriter table = new StringWriter();
    StringWriter json = new StringWriter();

    PassPrinter.print(new PrintWriter(table), report, false);
    PassPrinter.print(new PrintWriter(json), report, true);

    List<String> printed = new ArrayList<>();
    for (String line : table.toString().split("\n")) {
      String first = line.split(" ")[0];
      if (MODELS.contains(first)) {
        printed.add(first);
      }
    }
    assertThat(printed).containsExactlyElementsOf(MODELS);
    List<String> keys = new ArrayList<>();
    JsonNode models = Json.MAPPER.readTree(json.toString()).get("plan").get("models");
    models.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactlyElementsOf(MODELS);
  }

  @Test
  void anEventKeepsItsModelsInTheOrderGiven() {
    EventSpec e =
        new EventSpec(
            "launch",
            null,
            NOW.atOffset(java.time.ZoneOffset.UTC),
            Duration.ofHours(1),
            2,
            Duration.ZERO,
            new LinkedHashSet<>(MODELS));

    assertThat(e.models()).containsExactlyElementsOf(MODELS);
  }
}
