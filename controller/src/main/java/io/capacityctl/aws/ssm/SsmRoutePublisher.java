package io.capacityctl.aws.ssm;

import io.capacityctl.routing.RoutePublisher;
import io.capacityctl.routing.RouteTable;
import io.capacityctl.routing.RouteTableJson;
import java.util.Optional;

/**
 * Publishes the routing table as JSON ({@link RouteTableJson}) to an SSM parameter, by default
 * {@code /capacityctl/<config>/routes}, where applications' {@code RouteTableReader}s read it.
 */
public final class SsmRoutePublisher implements RoutePublisher {
  private final SsmParameter parameter;

  public SsmRoutePublisher(SsmParameter parameter) {
    this.parameter = parameter;
  }

  /**
   * The last published table, or empty when none was. A parameter that holds something else fails
   * loudly: it also records drain state, which must not silently vanish.
   */
  @Override
  public Optional<RouteTable> read() {
    return parameter.read().map(this::parse);
  }

  private RouteTable parse(String json) {
    try {
      return RouteTableJson.read(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "SSM parameter " + parameter.name() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void publish(RouteTable table) {
    parameter.write(RouteTableJson.write(table));
  }
}
