package io.capacityctl.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.ports.CloudException.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AwsErrorsTest {
  /** DynamoDB transaction faults are retried next pass, never treated as a terminal bad request. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "TransactionCanceledException",
        "TransactionConflictException",
        "TransactionInProgressException",
        "ConditionalCheckFailedException"
      })
  void dynamoDbTransactionFaultsAreConflicts(String code) {
    assertThat(AwsErrors.kindOf(code, 400, false)).isEqualTo(Kind.CONFLICT);
  }
}
