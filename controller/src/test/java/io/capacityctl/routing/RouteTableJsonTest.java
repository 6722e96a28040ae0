package io.capacityctl.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The published routing-table JSON: its exact shape, round trips, and errors that name a field. */
class RouteTableJsonTest {
  static final String ARN_A =
      "arn:aws:bedrock:ap-northeast-1:123456789012:provisioned-model/aaaaaaaaaaaa";
  static final String ARN_B =
      "arn:aws:bedrock:ap-northeast-1:123456789012:provisioned-model/bbbbbbbbbbbb";

  static RouteTable sample() {
    return new RouteTable(
        "manga",
        Instant.parse("2025-03-03T06:00:00Z"),
        Map.of(
            "sonnet",
            new ModelRoutes(
                "anthropic.claude-3-5-sonnet-20240620-v1:0",
                List.of(
                    new Route(ARN_A, 2, null),
                    new Route(ARN_B, 1, Instant.parse("2025-03-03T05:55:00Z")))),
            "haiku",
            new ModelRoutes("anthropic.claude-3-haiku-20240307-v1:0", List.of())));
  }

  @Test
  void writesTheDocumentedShapeWithModelsInKeyOrder() {
    assertThat(RouteTableJson.write(sample()))
        .isEqualTo(
            "{\"config\":\"manga\",\"publishedAt\":\"2025-03-03T06:00:00Z\",\"models\":{"
                + "\"haiku\":{\"onDemandModelId\":\"anthropic.claude-3-haiku-20240307-v1:0\","
                + "\"routes\":[]},"
                + "\"sonnet\":{\"onDemandModelId\":\"anthropic.claude-3-5-sonnet-20240620-v1:0\","
                + "\"routes\":[{\"arn\":\""
                + ARN_A
                + "\",\"units\":2},{\"arn\":\""
                + ARN_B
                + "\",\"units\":1,\"drainingSince\":\"2025-03-03T05:55:00Z\"}]}}}");
  }

  @Test
  void readsWhatItWritesAndIgnoresUnknownFields() {
    String json =
        RouteTableJson.write(sample()).replace("{\"config\"", "{\"schemaHint\":7,\"config\"");

    assertThat(RouteTableJson.read(json)).isEqualTo(sample());
  }

  @Test
  void errorsNameTheField() {
    String noUnits = RouteTableJson.write(sample()).replace("\"units\":1,", "");
    assertThatThrownBy(() -> RouteTableJson.read(noUnits))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("routing table: models.sonnet.routes[1].units: expected an integer >= 1");

    String badTime = RouteTableJson.write(sample()).replace("2025-03-03T05:55:00Z", "yesterday");
    assertThatThrownBy(() -> RouteTableJson.read(badTime))
        .hasMessageContaining("models.sonnet.routes[1].drainingSince")
        .hasMessageContaining("'yesterday'");

    assertThatThrownBy(() -> RouteTableJson.read("{\"config\":\"x\"}"))
        .hasMessage("routing table: models: expected an object");
    assertThatThrownBy(() -> RouteTableJson.read("not json"))
        .hasMessageStartingWith("routing table: not JSON");
  }

  @Property(tries = 200)
  void anyTableRoundTrips(@ForAll("tables") RouteTable table) {
    assertThat(RouteTableJson.read(RouteTableJson.write(table))).isEqualTo(table);
  }

  @Provide
  Arbitrary<RouteTable> tables() {
    Arbitrary<Instant> instants =
        Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond);
    Arbitrary<Route> routes =
        Combinators.combine(
                Arbitraries.strings().alpha().numeric().ofLength(12),
                Arbitraries.integers().between(1, 50),
                instants.injectNull(0.5))
            .as((id, units, draining) -> new Route("arn:pt/" + id, units, draining));
    Arbitrary<ModelRoutes> models =
        Combinators.combine(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(20),
                routes.list().ofMaxSize(6))
            .as((id, list) -> new ModelRoutes(id, new ArrayList<>(list)));
    return Combinators.combine(
            Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
            instants,
            Arbitraries.maps(
                    Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8),
                    models)
                .ofMaxSize(4))
        .as((config, at, map) -> new RouteTable(config, at, new LinkedHashMap<>(map)));
  }
}
