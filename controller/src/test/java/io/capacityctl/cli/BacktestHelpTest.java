package io.capacityctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.aws.AwsAction;
import io.capacityctl.aws.AwsHistoryModule;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code backtest --help} tells a platform team exactly which IAM actions to grant: the read
 * actions the code may call ({@link AwsHistoryModule#READ_ACTIONS}), all of them reads, and no
 * other.
 */
class BacktestHelpTest {
  /** An IAM action of a service capacityctl calls; picocli may wrap the line after the colon. */
  private static final Pattern ACTION =
      Pattern.compile(
          "\\b(cloudwatch|bedrock|dynamodb|sts|ssm|s3|ecs|application-autoscaling):\\s*([A-Z][A-Za-z]+)\\b");

  @Test
  void helpListsExactlyTheReadActions() {
    // picocli warns on System.err, not the command's writer, when a description cannot be
    // formatted (a bare '%'): the help must print without any such warning.
    java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
    java.io.PrintStream err = System.err;
    CliRun help;
    System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      help = CliRun.system("backtest", "--help");
    } finally {
      System.setErr(err);
    }
    assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();

    assertThat(help.code()).isZero();
    String text = help.out().replaceAll("\\s+", " ");
    Matcher m = ACTION.matcher(text);
    Set<String> named = new java.util.TreeSet<>();
    while (m.find()) {
      named.add(m.group(1) + ":" + m.group(2));
    }
    Set<String> granted =
        AwsHistoryModule.READ_ACTIONS.stream()
            .map(AwsAction::iamAction)
            .collect(Collectors.toSet());
    assertThat(named).isEqualTo(granted);
    assertThat(AwsHistoryModule.READ_ACTIONS)
        .extracting(AwsAction::operation)
        .allMatch(op -> op.startsWith("Get") || op.startsWith("List"));
    assertThat(text).contains("--since").contains("--write-trace").contains("--report");
    assertThat(text.replace(" ", ""))
        .contains("(default0.1%,0.01%,0.001%,0.0001%,0);none:nofrontier");
    assertThat(text).doesNotContain("--datapoints-per-call");
  }
}
