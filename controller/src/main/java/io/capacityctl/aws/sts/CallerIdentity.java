package io.capacityctl.aws.sts;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.aws.AwsErrors;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Who is calling AWS, as the ARN STS reports (e.g. an assumed role's session ARN), recorded as the
 * author of overrides and audit entries. Asked once per process: credentials do not change identity
 * within a run.
 */
public final class CallerIdentity {
  private final StsClient sts;
  private String arn;

  public CallerIdentity(StsClient sts) {
    this.sts = sts;
  }

  /** A fixed identity that never calls STS: the simulated account's operator, tests. */
  public static CallerIdentity fixed(String arn) {
    CallerIdentity identity = new CallerIdentity(null);
    identity.arn = arn;
    return identity;
  }

  /** The caller's ARN, from STS GetCallerIdentity on first use. */
  public synchronized String arn() {
    if (arn == null) {
      arn = AwsErrors.call(AwsAction.STS_GET_CALLER_IDENTITY, sts::getCallerIdentity).arn();
    }
    return arn;
  }
}
