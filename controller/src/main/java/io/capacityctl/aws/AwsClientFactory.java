package io.capacityctl.aws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * Builds every SDK client the same way: one shared HTTP client, the SDK's adaptive retry mode
 * (throttling is retried with client-side rate limiting by the SDK, never by a hand-written loop),
 * attempt and total timeouts on every call, and the region, credentials and endpoint of one {@link
 * AwsTarget}.
 *
 * <p>The timeouts keep every call inside the lease: a holder starts an AWS call only while at least
 * {@link io.capacityctl.state.LeaseManager#ACT_MARGIN} (60 s) of its lease is left by its own
 * clock, and no call, retries and back-off included, outlives {@link #API_CALL_TIMEOUT} (30 s), so
 * the call is over before any other controller may take the lease. An attempt gives up after {@link
 * #API_CALL_ATTEMPT_TIMEOUT} (10 s): the control-plane calls answer in well under a second and a
 * GetMetricData page of 500 queries in a few, so 10 s is a stalled connection, and three attempts
 * fit in the total.
 *
 * <p>An emulator target (an endpoint override: moto on the test machine) gets {@link
 * #EMULATOR_CALL_TIMEOUT} instead: it shares a loaded machine's CPU with the tests, may take
 * seconds there, and no lease in AWS depends on it.
 *
 * <p>The HTTP client is owned by whoever created it: closing a service client leaves a shared HTTP
 * client open.
 */
public final class AwsClientFactory {
  /** The longest one SDK call may take, retries and back-off included. */
  public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(30);

  /** The longest one attempt of an SDK call may take. */
  public static final Duration API_CALL_ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

  /** Attempt and total timeout against an emulator. */
  static final Duration EMULATOR_CALL_TIMEOUT = Duration.ofMinutes(2);

  private final AwsTarget target;
  private final SdkHttpClient http;
  private final List<ExecutionInterceptor> interceptors;

  public AwsClientFactory(AwsTarget target, SdkHttpClient http) {
    this(target, http, List.of());
  }

  private AwsClientFactory(
      AwsTarget target, SdkHttpClient http, List<ExecutionInterceptor> interceptors) {
    this.target = target;
    this.http = http;
    this.interceptors = List.copyOf(interceptors);
  }

  /** The same factory whose clients also run {@code interceptor} (e.g. to count calls). */
  public AwsClientFactory withInterceptor(ExecutionInterceptor interceptor) {
    List<ExecutionInterceptor> all = new ArrayList<>(interceptors);
    all.add(interceptor);
    return new AwsClientFactory(target, http, all);
  }

  /** Configures and builds one client, e.g. {@code build(CloudWatchClient.builder())}. */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
    boolean emulator = target.endpointOverride() != null;
    ClientOverrideConfiguration.Builder override =
        ClientOverrideConfiguration.builder()
            .retryStrategy(RetryMode.ADAPTIVE_V2)
            .apiCallTimeout(emulator ? EMULATOR_CALL_TIMEOUT : API_CALL_TIMEOUT)
            .apiCallAttemptTimeout(emulator ? EMULATOR_CALL_TIMEOUT : API_CALL_ATTEMPT_TIMEOUT);
    interceptors.forEach(override::addExecutionInterceptor);
    builder.httpClient(http).overrideConfiguration(override.build());
    if (target.region() != null) {
      builder.region(target.region());
    }
    if (target.credentials() != null) {
      builder.credentialsProvider(target.credentials());
    }
    if (target.endpointOverride() != null) {
      builder.endpointOverride(target.endpointOverride());
    }
    return builder.build();
  }
}
