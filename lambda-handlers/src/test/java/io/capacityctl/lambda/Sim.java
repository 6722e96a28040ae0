package io.capacityctl.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.capacityctl.config.CapacityConfig;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.planner.CapacityOverride;
import io.capacityctl.runtime.ControllerGraph;
import io.capacityctl.runtime.LiveGraph;
import io.capacityctl.sim.SimAccount;
import io.capacityctl.sim.SimCloudModule;
import io.capacityctl.sim.TraceGenerator;
import io.capacityctl.testing.SimAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Simulated accounts, handler wiring and real EventBridge payloads for the handler tests. */
final class Sim {
  /** 17:00 JST on the trace's first day. */
  static final int EVENING = 17 * 60;

  /** What EventBridge Scheduler sends with the CDK stack's input template, filled in. */
  static final String SCHEDULER_EVENT =
      """
      {
        "scheduleArn": "arn:aws:scheduler:ap-northeast-1:123456789012:schedule/capacityctl/reconcile",
        "scheduledTime": "2026-12-02T08:00:00Z",
        "executionId": "d32c5kddcf5bb8c3",
        "attemptNumber": "1"
      }
      """;

  /** What an EventBridge rule with a schedule expression sends. */
  static final String RULE_EVENT =
      """
      {
        "version": "0",
        "id": "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa",
        "detail-type": "Scheduled Event",
        "source": "aws.events",
        "account": "123456789012",
        "time": "2026-12-02T08:15:00Z",
        "region": "ap-northeast-1",
        "resources": ["arn:aws:events:ap-northeast-1:123456789012:rule/capacityctl-health"],
        "detail": {}
      }
      """;

  private Sim() {}

  static SimAccount account() {
    try {
      return new SimAccount(
          ConfigLoader.loadResource("schedules/mangaassist.yaml"),
          TraceGenerator.mangaAssist(42, 2));
    } catch (ConfigException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An account at 17:00 JST on the first day: no PTs yet, nobody holding the lease. */
  static SimAccount eveningAccount() {
    SimAccount a = account();
    a.jumpTo(EVENING);
    return a;
  }

  static ControllerGraph graph(SimAccount account) {
    return graph(account, account.config());
  }

  /** The graph over the account under {@code config}, as a handler that has read it builds it. */
  static ControllerGraph graph(SimAccount account, CapacityConfig config) {
    return DaggerSimLambdaComponent.factory().create(new SimCloudModule(account, config));
  }

  /** What a handler runs on: the account's configuration, which nobody changes. */
  static LiveGraph live(SimAccount account) {
    return new LiveGraph(SimAccounts.unchangingConfig(account), c -> graph(account, c));
  }

  static Map<String, Object> event(String json) {
    try {
      return new ObjectMapper().readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void override(SimAccount a, String target, int amount) {
    Instant now = a.clock().instant();
    a.state()
        .putOverride(
            new CapacityOverride(
                target, amount, false, now, now.plus(Duration.ofHours(2)), "test", "tester"));
  }

  /** The Lambda context of one invocation of {@code function}. */
  static Context context(String function) {
    return new Context() {
      @Override
      public String getAwsRequestId() {
        return "req-" + System.nanoTime();
      }

      @Override
      public String getLogGroupName() {
        return "/aws/lambda/" + function;
      }

      @Override
      public String getLogStreamName() {
        return "stream";
      }

      @Override
      public String getFunctionName() {
        return function;
      }

      @Override
      public String getFunctionVersion() {
        return "$LATEST";
      }

      @Override
      public String getInvokedFunctionArn() {
        return "arn:aws:lambda:ap-northeast-1:123456789012:function:" + function;
      }

      @Override
      public CognitoIdentity getIdentity() {
        return null;
      }

      @Override
      public ClientContext getClientContext() {
        return null;
      }

      @Override
      public int getRemainingTimeInMillis() {
        return 60_000;
      }

      @Override
      public int getMemoryLimitInMB() {
        return 1024;
      }

      @Override
      public LambdaLogger getLogger() {
        return null;
      }
    };
  }
}
