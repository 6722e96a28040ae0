package io.capacityctl.aws.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.routing.ModelRoutes;
import io.capacityctl.routing.Route;
import io.capacityctl.routing.RouteTable;
import io.capacityctl.routing.RouteTableJson;
import io.capacityctl.routing.RouteTableReader;
import io.capacityctl.testing.MotoServer;
import io.capacityctl.time.FakeClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The routing table published to and read back from SSM, against moto_server. */
class SsmRoutePublisherTest {
  static final String ARN = "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/aaaaaaaaaaaa";
  static final String ON_DEMAND = "anthropic.claude-3-haiku-20240307-v1:0";

  @RegisterExtension static final MotoServer MOTO = new MotoServer();

  SsmClient ssm;

  @BeforeEach
  void client() {
    ssm = MOTO.clients().build(SsmClient.builder());
  }

  static RouteTable table(Instant at, int units) {
    return new RouteTable(
        "manga",
        at,
        Map.of("haiku", new ModelRoutes(ON_DEMAND, List.of(new Route(ARN, units, null)))));
  }

  @Test
  void nothingPublishedReadsAsEmpty() {
    SsmRoutePublisher publisher =
        new SsmRoutePublisher(new SsmParameter(ssm, "/capacityctl/never/routes"));

    assertThat(publisher.read()).isEmpty();
  }

  @Test
  void publishWritesTheDocumentedJsonAsAStringParameterAndOverwrites() {
    String name = "/capacityctl/manga/routes";
    SsmRoutePublisher publisher = new SsmRoutePublisher(new SsmParameter(ssm, name));
    RouteTable first = table(Instant.parse("2025-03-03T06:00:00Z"), 2);
    RouteTable second = table(Instant.parse("2025-03-03T06:05:00Z"), 3);

    publisher.publish(first);
    publisher.publish(second);

    assertThat(publisher.read()).contains(second);
    GetParameterResponse raw = ssm.getParameter(r -> r.name(name));
    assertThat(raw.parameter().type()).isEqualTo(ParameterType.STRING);
    assertThat(raw.parameter().value()).isEqualTo(RouteTableJson.write(second));
    assertThat(raw.parameter().version()).isEqualTo(2L);
  }

  @Test
  void anApplicationReaderSeesThePublishedTable() {
    String name = "/capacityctl/app/routes";
    new SsmRoutePublisher(new SsmParameter(ssm, name))
        .publish(table(Instant.parse("2025-03-03T06:00:00Z"), 2));
    RouteTableReader reader =
        new RouteTableReader(
            new SsmParameter(ssm, name)::read,
            new FakeClock(Instant.parse("2025-03-03T06:00:10Z")));

    assertThat(reader.pick("haiku")).contains(ARN);
  }

  @Test
  void aParameterHoldingSomethingElseFailsLoudlyNamingIt() {
    String name = "/capacityctl/garbled/routes";
    ssm.putParameter(r -> r.name(name).value("{\"hello\": 1}").type(ParameterType.STRING));
    SsmRoutePublisher publisher = new SsmRoutePublisher(new SsmParameter(ssm, name));

    assertThatThrownBy(publisher::read)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(name)
        .hasMessageContaining("models");
  }
}
