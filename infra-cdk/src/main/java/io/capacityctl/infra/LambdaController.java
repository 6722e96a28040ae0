package io.capacityctl.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.TimeZone;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.scheduler.ContextAttribute;
import software.amazon.awscdk.services.scheduler.Schedule;
import software.amazon.awscdk.services.scheduler.ScheduleExpression;
import software.amazon.awscdk.services.scheduler.ScheduleTargetInput;
import software.amazon.awscdk.services.scheduler.targets.LambdaInvoke;
import software.amazon.awscdk.services.scheduler.targets.ScheduleTargetBaseProps;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Lambda mode: the reconcile, health-check and waste-report handlers of the lambda-handlers jar,
 * each invoked through a SnapStart alias by an EventBridge Scheduler schedule with a retry policy
 * and a shared dead-letter queue.
 */
public final class LambdaController extends Construct {
  /**
   * The reconcile function's timeout: under the one-minute tick (a stuck pass ends before the next
   * one starts) and under half the lease's TTL ({@code LeaseTerms.DEFAULT_TTL}, 3 minutes), so an
   * invocation killed at its timeout, which cannot release the lease, can have made no AWS call for
   * most of the TTL before another controller may take over. docs/deploy.md states it.
   */
  public static final java.time.Duration RECONCILE_TIMEOUT = java.time.Duration.ofSeconds(50);

  /**
   * @param code the shaded lambda-handlers jar (or any asset in tests)
   * @param role the controller role (the AWS action registry, scoped)
   * @param environment {@code CAPACITYCTL_CONFIG} (the state table is named in the configuration)
   * @param timeZone the configuration's zone: the weekly report runs Monday 09:00 local time
   */
  public record Props(
      Code code,
      IRole role,
      ILogGroup logGroup,
      Map<String, String> environment,
      TimeZone timeZone) {}

  /**
   * One scheduled handler.
   *
   * @param retries Scheduler retries of a failed delivery (throttling, Lambda unavailable); a
   *     handler's own error is not retried by Scheduler, it fails the invocation and the Lambda
   *     Errors alarm sees it
   * @param maxEventAge how late a delivery is still worth making
   * @param asyncRetries Lambda's retries of a handler error
   */
  private record Job(
      String name,
      String handler,
      int memoryMb,
      Duration timeout,
      ScheduleExpression schedule,
      int retries,
      Duration maxEventAge,
      int asyncRetries,
      String description) {}

  private final Map<String, IFunction> functions = new LinkedHashMap<>();
  private final Queue deadLetters;

  public LambdaController(Construct scope, String id, Props props) {
    super(scope, id);
    // Ticks Scheduler could not deliver: the dead-letter alarm pages; 14 days to look at them.
    // SQS-managed encryption (SSE-SQS): the ticks carry no secret (job name, schedule ARN, times),
    // and a customer managed key would have to admit every schedule's role.
    deadLetters =
        Queue.Builder.create(this, "DeadLetters")
            .retentionPeriod(Duration.days(14))
            .encryption(QueueEncryption.SQS_MANAGED)
            .enforceSsl(true)
            .build();
    for (Job job : jobs(props.timeZone())) {
      functions.put(job.name(), scheduled(job, props));
    }
  }

  /**
   * Memory buys CPU on Lambda (1,769 MB is one vCPU). 1 GB gives the JVM enough CPU for a pass of a
   * dozen SDK calls in a few seconds; the heap needs a fraction of it. SnapStart removes the JVM
   * and SDK start-up from every cold start, so memory is not sized for initialisation.
   */
  private static List<Job> jobs(TimeZone zone) {
    // Every schedule carries the configuration's zone: a rate ignores it, but an operator reading
    // the schedules sees one zone, the one the YAML's windows are written in.
    return List.of(
        // Timeout under the one-minute tick: a stuck pass ends before the next one starts (the
        // lease still guards any overlap). A tick older than a minute is superseded by the next,
        // and the next pass re-reads everything, so neither Scheduler nor Lambda retries long.
        new Job(
            "reconcile",
            "io.capacityctl.lambda.ReconcileHandler::handleRequest",
            1024,
            Duration.seconds(RECONCILE_TIMEOUT.toSeconds()),
            ScheduleExpression.expression("rate(1 minute)", zone),
            2,
            Duration.seconds(60),
            0,
            "capacityctl reconcile pass, every minute"),
        // Reads PT states, metric freshness, the lease and recent actions: a minute is plenty.
        // Unhealthy is an error on purpose (the Errors alarm); retrying it would only repeat it.
        new Job(
            "health-check",
            "io.capacityctl.lambda.HealthCheckHandler::handleRequest",
            1024,
            Duration.seconds(60),
            ScheduleExpression.expression("rate(15 minutes)", zone),
            3,
            Duration.minutes(10),
            0,
            "capacityctl health check, every 15 minutes"),
        // Seven days of per-minute metrics for every model: several GetMetricData pages, so
        // minutes, not seconds. A late weekly report is still worth having: retry for hours.
        new Job(
            "waste-report",
            "io.capacityctl.lambda.WasteReportHandler::handleRequest",
            1024,
            Duration.minutes(5),
            ScheduleExpression.expression("cron(0 9 ? * MON *)", zone),
            10,
            Duration.hours(6),
            2,
            "capacityctl weekly waste report, Monday 09:00 " + zone.getTimezoneName()));
  }

  private IFunction scheduled(Job job, Props props) {
    Function fn =
        Function.Builder.create(this, job.name())
            .description(job.description())
            // The handlers are Java 17 bytecode; the java17 runtime (Amazon Linux 2) is past its
            // deprecation (2026-06-30) and Lambda no longer creates functions on it, so they run on
            // java21 (Amazon Linux 2023, SnapStart, supported into 2029).
            .runtime(Runtime.JAVA_21)
            // Pure-Java jar: Graviton is about 20% cheaper per GB-second than x86.
            .architecture(Architecture.ARM_64)
            .handler(job.handler())
            .code(props.code())
            .role(props.role())
            .memorySize(job.memoryMb())
            .timeout(job.timeout())
            .environment(props.environment())
            .logGroup(props.logGroup())
            .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
            .retryAttempts(job.asyncRetries())
            .build();
    // SnapStart applies to published versions only: the schedule invokes an alias on the version
    // published with this deployment, never $LATEST (which is what CDK's warning is about).
    Annotations.of(fn)
        .acknowledgeWarning(
            "@aws-cdk/aws-lambda:snapStartRequirePublish",
            "a version is published and the schedule invokes its alias");
    Alias live =
        Alias.Builder.create(this, job.name() + "-live")
            .aliasName("live")
            .version(fn.getCurrentVersion())
            .build();
    Schedule.Builder.create(this, job.name() + "-schedule")
        .description(job.description())
        .schedule(job.schedule())
        .target(
            new LambdaInvoke(
                live,
                ScheduleTargetBaseProps.builder()
                    .input(input(job.name()))
                    .retryAttempts(job.retries())
                    .maxEventAge(job.maxEventAge())
                    .deadLetterQueue(deadLetters)
                    .build()))
        .build();
    return fn;
  }

  /** The payload each handler receives: which job, and the tick it stands for. */
  private static ScheduleTargetInput input(String job) {
    return ScheduleTargetInput.fromObject(
        Map.of(
            "job", job,
            "scheduleArn", ContextAttribute.getScheduleArn(),
            "scheduledTime", ContextAttribute.getScheduledTime(),
            "executionId", ContextAttribute.getExecutionId(),
            "attemptNumber", ContextAttribute.getAttemptNumber()));
  }

  /** Job name ({@code reconcile}, {@code health-check}, {@code waste-report}) to function. */
  public Map<String, IFunction> functions() {
    return java.util.Collections.unmodifiableMap(functions);
  }

  public IQueue deadLetters() {
    return deadLetters;
  }
}
