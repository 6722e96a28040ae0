package io.capacityctl.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The routing table as an application sees it: embed one, call {@link #pick} before each Bedrock
 * call and pass the result as {@code modelId}. It re-reads the published table at most once per
 * TTL, spreads calls over the serving PTs in proportion to their units, never picks a draining PT,
 * and falls back to the on-demand model when no PT serves. A failed re-read keeps the last good
 * table (logged once per outage), so an SSM hiccup never sends traffic to on-demand by itself.
 *
 * <pre>{@code
 * RouteTableReader routes = new RouteTableReader(
 *     new SsmParameter(ssm, "/capacityctl/mangaassist/routes")::read, Clock.systemUTC());
 * String modelId = routes.pick("sonnet").orElse(SONNET_ON_DEMAND_ID);
 * }</pre>
 */
public final class RouteTableReader {
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);
  private static final Logger LOG = LogManager.getLogger(RouteTableReader.class);

  private final Supplier<Optional<String>> source;
  private final Clock clock;
  private final Duration ttl;
  private final DoubleSupplier random;
  private RouteTable table;
  private Instant lastAttempt;
  private boolean failing;

  /**
   * @param source reads the published JSON; empty when nothing is published
   */
  public RouteTableReader(Supplier<Optional<String>> source, Clock clock) {
    this(source, clock, DEFAULT_TTL, () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * @param random uniform in [0, 1); tests pass a seeded one
   */
  public RouteTableReader(
      Supplier<Optional<String>> source, Clock clock, Duration ttl, DoubleSupplier random) {
    this.source = source;
    this.clock = clock;
    this.ttl = ttl;
    this.random = random;
  }

  /**
   * The model id to invoke for {@code modelKey}: a serving PT's ARN chosen with probability
   * proportional to its units, else the table's on-demand model id. Empty when no table is
   * published or it does not list the model: the caller then uses its own on-demand model id.
   */
  public Optional<String> pick(String modelKey) {
    RouteTable current = current();
    ModelRoutes model = current == null ? null : current.models().get(modelKey);
    if (model == null) {
      return Optional.empty();
    }
    int total = 0;
    for (Route r : model.routes()) {
      total += r.draining() ? 0 : r.units();
    }
    if (total == 0) {
      return Optional.of(model.onDemandModelId());
    }
    double target = random.getAsDouble() * total;
    for (Route r : model.routes()) {
      if (!r.draining()) {
        target -= r.units();
        if (target < 0) {
          return Optional.of(r.arn());
        }
      }
    }
    throw new IllegalStateException("random value outside [0, 1)");
  }

  /** The table in use now (re-read when the TTL has passed), or null when none is known. */
  public synchronized RouteTable current() {
    Instant now = clock.instant();
    if (lastAttempt == null || !now.isBefore(lastAttempt.plus(ttl))) {
      lastAttempt = now;
      refresh();
    }
    return table;
  }

  private void refresh() {
    try {
      table = source.get().map(RouteTableJson::read).orElse(null);
      if (failing) {
        LOG.info("routing table read again after failures");
      }
      failing = false;
    } catch (RuntimeException e) {
      if (!failing) {
        LOG.warn("cannot read the routing table; keeping the last good one: {}", e.toString());
      }
      failing = true;
    }
  }
}
