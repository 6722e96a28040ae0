package io.capacityctl.sim;

import dagger.Module;
import dagger.Provides;
import io.capacityctl.aws.sts.CallerIdentity;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.ports.PublishedMetricsApi;
import io.capacityctl.reconcile.CloudPorts;
import io.capacityctl.state.LeaseManager;
import io.capacityctl.state.StateStore;
import io.capacityctl.telemetry.TelemetrySink;
import java.time.Clock;

/**
 * The bindings the AWS modules provide, from a {@link SimAccount} instead: the simulated cloud, the
 * in-memory state table and lease, the simulated CloudWatch for the controller's metrics, the
 * account's fake clock and a fixed operator identity.
 */
@Module
public final class SimCloudModule {
  /** The identity audited for operator actions in the simulated account. */
  public static final String OPERATOR = "arn:aws:sts::000000000000:assumed-role/sim/operator";

  private final SimAccount account;
  private final CapacityConfig config;

  public SimCloudModule(SimAccount account) {
    this(account, account.config());
  }

  /**
   * The account controlled under another configuration than the one it was made for: a controller
   * that has read a changed configuration (the account keeps its models, quota and traffic).
   */
  public SimCloudModule(SimAccount account, CapacityConfig config) {
    this.account = account;
    this.config = config;
  }

  @Provides
  SimAccount account() {
    return account;
  }

  @Provides
  CapacityConfig config() {
    return config;
  }

  @Provides
  CloudPorts cloud() {
    return account.cloud().ports();
  }

  @Provides
  StateStore state() {
    return account.state();
  }

  @Provides
  LeaseManager leases() {
    return account.leases();
  }

  @Provides
  TelemetrySink telemetry() {
    return account.telemetry();
  }

  @Provides
  PublishedMetricsApi published() {
    return account.telemetry();
  }

  @Provides
  Clock clock() {
    return account.clock();
  }

  @Provides
  CallerIdentity caller() {
    return CallerIdentity.fixed(OPERATOR);
  }
}
