package io.capacityctl.aws.ssm;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.aws.AwsErrors;
import io.capacityctl.ports.CloudException;
import java.util.Optional;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** One SSM String parameter, read and overwritten whole; errors arrive classified. */
public final class SsmParameter {
  private final SsmClient ssm;
  private final String name;

  public SsmParameter(SsmClient ssm, String name) {
    this.ssm = ssm;
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** The current value, or empty when the parameter does not exist. */
  public Optional<String> read() {
    try {
      return Optional.of(
          AwsErrors.call(AwsAction.SSM_GET_PARAMETER, () -> ssm.getParameter(r -> r.name(name)))
              .parameter()
              .value());
    } catch (CloudException e) {
      if (e.kind() == CloudException.Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Overwrites the value. Intelligent-Tiering keeps it a free Standard parameter up to 4 KB and
   * moves it to Advanced (8 KB) only when a large table needs it, instead of failing the publish.
   */
  public void write(String value) {
    AwsErrors.call(
        AwsAction.SSM_PUT_PARAMETER,
        () ->
            ssm.putParameter(
                r ->
                    r.name(name)
                        .value(value)
                        .type(ParameterType.STRING)
                        .tier(ParameterTier.INTELLIGENT_TIERING)
                        .overwrite(true)));
  }
}
