package io.capacityctl.config;

import static io.capacityctl.config.ConfigFixtures.assertError;
import static io.capacityctl.config.ConfigFixtures.lineOf;
import static io.capacityctl.config.ConfigFixtures.validWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.capacityctl.reconcile.ModelPool;
import io.capacityctl.reconcile.PoolPlanner;
import io.capacityctl.reconcile.PtAction;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every name a configuration derives AWS resources from is checked against AWS's rules. */
class AwsNamesTest {
  /** Bedrock's provisionedModelName rule (API reference, CreateProvisionedModelThroughput). */
  private static final Pattern BEDROCK_PT_NAME = Pattern.compile("([0-9a-zA-Z][_-]?)+");

  @Test
  void thePoolsLongestNamesAtTheLimitAreOnesBedrockAccepts() throws Exception {
    // name + model key = 29 characters: the most the default prefix leaves.
    String name = "n".repeat(23);
    CapacityConfig c =
        ConfigLoader.parse(
            validWith("name: shop", "name: " + name)
                .replace("maxUnits: 60", "maxUnits: 10000")
                .replace("blockUnits: 2", "blockUnits: 1"),
            ConfigFixtures.SOURCE);
    PoolPlanner pools = new PoolPlanner(c.name(), c.aws().ptNamePrefix(), c.policy());
    Instant latestMinute = Instant.parse("2999-12-31T23:59:00Z");

    List<PtAction> creates =
        pools.actions(
            ModelPool.of(c.name(), "sonnet", List.of(), null, List.of()), 10_000, latestMinute);

    assertThat(creates).hasSize(10_000);
    assertThat(creates)
        .map(a -> ((PtAction.Create) a).name())
        .allSatisfy(
            n -> {
              assertThat(n.length()).isLessThanOrEqualTo(AwsNames.PT_NAME_MAX);
              assertThat(n).matches(BEDROCK_PT_NAME);
            });

    String oneMore = validWith("name: shop", "name: " + name + "n");
    assertError(
        oneMore,
        lineOf(oneMore, "name: nnn"),
        "name",
        "PT names would be up to 64 characters; Bedrock allows 63");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "name: shop|name: shop_front|name|must not contain '_': the CloudFormation stack",
        "name: shop|name: shop--front|name|not hold two '-' or '_' in a row",
        "name: shop|name: -shop|name|must start with a letter or digit",
        "name: shop|name: "
            + "abcdefghij"
            + "abcdefghij"
            + "abcdefghij"
            + "abc|name|is 33 characters; at most 32",
        "  haiku:\\n    modelId|  ha__iku:\\n    modelId|models.ha__iku|not hold two '-' or '_' in a row",
        "  haiku:\\n    modelId|  haiku.v2:\\n    modelId|models.haiku.v2|use letters, digits, '-' and '_' only",
        "cluster: shop|cluster: shop/prod|ecs.cluster|ECS cluster and service names are 1-255 letters",
        "service: orchestrator|service: orch estrator|ecs.service|ECS cluster and service names",
        "modelId: anthropic.claude-3-sonnet-20240229-v1:0|modelId: anthropic claude|models.sonnet.modelId|has no whitespace",
        "modelId: anthropic.claude-3-sonnet-20240229-v1:0|modelId: anthropic.クロード|models.sonnet.modelId|printable ASCII characters only",
        "namespace: Shop|namespace: \":Shop\"|aws.metrics.namespace|cannot start with ':'",
        "modelDimension: Model|modelDimension: \" \"|aws.metrics.modelDimension|need a character other than a space",
        "metricName: TokensPerSecond|metricName: Tokens\u00e9|aws.metrics.metricName|printable ASCII characters only",
      })
  void aNameAwsRefusesIsRefused(String old, String replacement, String field, String message) {
    String yaml = validWith(old.replace("\\n", "\n"), replacement.replace("\\n", "\n"));
    String key = field.substring(field.lastIndexOf('.') + 1);
    ConfigException e = ConfigFixtures.rejected(yaml);
    assertThat(e.errors())
        .anySatisfy(
            err -> {
              assertThat(err.field()).isEqualTo(field);
              assertThat(err.line()).isPositive();
              assertThat(err.message()).contains(message);
            });
    assertThat(key).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "stateTable|ab|DynamoDB table names are 3-255 characters",
        "stateTable|capacityctl/shop|DynamoDB table names are 3-255 characters",
        "routesParameter|capacityctl/shop/routes|with levels starts with '/'",
        "routesParameter|/capacityctl//routes|single '/' between levels",
        "routesParameter|/capacityctl/routes/|single '/' between levels",
        "routesParameter|/SSM/routes|cannot begin with 'aws' or 'ssm'",
        "routesParameter|awsroutes|cannot begin with 'aws' or 'ssm'",
        "routesParameter|/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p|has 16 levels; SSM parameter names have at most 15",
        "routesParameter|/capacityctl/shop routes|letters, digits, '_', '.' and '-'",
        "ptNamePrefix|cap--|Bedrock PT names match",
        "ptNamePrefix|_cap-|Bedrock PT names match",
        "ptNamePrefix|cap.|Bedrock PT names match",
      })
  void awsSettingsAwsRefusesAreRefused(String key, String value, String message) {
    String yaml =
        validWith(
            "region: ap-northeast-1", "region: ap-northeast-1\n  " + key + ": \"" + value + "\"");
    assertError(yaml, lineOf(yaml, key + ":"), "aws." + key, message);
  }

  @Test
  void aLongPtNamePrefixIsRefusedOnItsOwnLine() {
    String yaml =
        validWith(
            "region: ap-northeast-1",
            "region: ap-northeast-1\n  ptNamePrefix: " + "p".repeat(40) + "-");
    assertError(
        yaml,
        lineOf(yaml, "ptNamePrefix"),
        "aws.ptNamePrefix",
        "PT names would be up to 68 characters; Bedrock allows 63");
  }

  @Test
  void theRulesTheBundledAndDefaultNamesFollowAccept() {
    assertThat(AwsNames.configName("mangaassist")).isNull();
    assertThat(AwsNames.modelKey("claude_3-haiku")).isNull();
    assertThat(AwsNames.ptNamePrefix("capacityctl-mangaassist-")).isNull();
    assertThat(AwsNames.tableName("capacityctl-mangaassist")).isNull();
    assertThat(AwsNames.ssmParameter("/capacityctl/mangaassist/routes")).isNull();
    assertThat(AwsNames.ssmParameter("routes")).isNull();
    assertThat(AwsNames.namespaceOrDimension("MangaAssist/Tokens")).isNull();
    assertThat(AwsNames.modelId("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2"))
        .isNull();
  }
}
