package io.capacityctl.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The AWS naming rules of every resource capacityctl derives from a configuration, checked when the
 * configuration is read: a name AWS refuses would otherwise fail every purchase, every pass, or the
 * deployment. Each method returns what is wrong, or null. The rules are those of the AWS API
 * references, cited per method.
 */
public final class AwsNames {
  /**
   * Bedrock {@code CreateProvisionedModelThroughput.provisionedModelName}: 1-63 characters matching
   * {@code ([0-9a-zA-Z][_-]?)+}, so '-' and '_' only between letters or digits (Bedrock API
   * Reference, CreateProvisionedModelThroughput; the same pattern is
   * GetProvisionedModelThroughput's provisionedModelId).
   */
  public static final int PT_NAME_MAX = 63;

  /**
   * What the pool appends to {@code ptNamePrefix + modelKey} (see {@code PoolPlanner}): {@code
   * -<yyyyMMdd'T'HHmm>-s<slot>}, with room for slot numbers up to 99,999 (ten times the largest
   * {@code maxUnits}).
   */
  public static final String PT_NAME_SUFFIX_EXAMPLE = "-20270111T0000-s99999";

  /** The prefix of the default {@code aws.ptNamePrefix}, {@code capacityctl-<name>-}. */
  public static final String DEFAULT_PREFIX = "capacityctl-";

  private static final Pattern PT_NAME = Pattern.compile("([0-9a-zA-Z][_-]?)+");
  private static final Pattern ALNUM_RUNS = Pattern.compile("[A-Za-z0-9]+([_-][A-Za-z0-9]+)*");
  private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
  private static final Pattern SSM_SEGMENT = Pattern.compile("[A-Za-z0-9_.-]+");
  private static final Pattern ECS_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");

  public static final int NAME_MAX = 32;

  private AwsNames() {}

  /**
   * The configuration's {@code name}: 1-32 letters, digits and single '-' between them. It names
   * the CloudFormation stack {@code capacityctl-<name>} (letters, digits and '-' only, AWS
   * CloudFormation User Guide, "Stack name"), the default PT name prefix (Bedrock's rule above),
   * the state table and the SSM parameters, so it takes the strictest of them: no '_'.
   */
  public static String configName(String name) {
    if (name.length() > NAME_MAX) {
      return "is " + name.length() + " characters; at most " + NAME_MAX;
    }
    if (!name.matches("[A-Za-z0-9_-]+")) {
      return "use letters, digits and '-' only";
    }
    if (name.indexOf('_') >= 0) {
      return "must not contain '_': the CloudFormation stack capacityctl-"
          + name
          + " may hold only letters, digits and '-'";
    }
    return separators(name, "Bedrock PT names (" + DEFAULT_PREFIX + name + "-...)");
  }

  /**
   * A model key: 1-32 letters, digits, and '-' or '_' between them. It is part of every PT name of
   * the model (Bedrock's rule above), a CloudWatch dimension value and the custom metric's value.
   */
  public static String modelKey(String key) {
    if (key.length() > NAME_MAX) {
      return "is " + key.length() + " characters; at most " + NAME_MAX;
    }
    if (!key.matches("[A-Za-z0-9_-]+")) {
      return "use letters, digits, '-' and '_' only";
    }
    return separators(key, "Bedrock PT names (...-" + key + "-...)");
  }

  /**
   * {@code aws.ptNamePrefix}: the start of a Bedrock PT name, so letters and digits with single '-'
   * or '_' between them; it may end with one separator (the model key follows).
   */
  public static String ptNamePrefix(String prefix) {
    String body = prefix.endsWith("-") || prefix.endsWith("_") ? chop(prefix) : prefix;
    if (body.isEmpty() || !ALNUM_RUNS.matcher(body).matches()) {
      return "must start with a letter or digit and hold letters and digits with single '-' or"
          + " '_' between them (Bedrock PT names match ([0-9a-zA-Z][_-]?)+)";
    }
    return null;
  }

  /**
   * The longest PT name the pool would create for {@code modelKey}, or null when it fits Bedrock's
   * 63 characters; call with a valid prefix and key.
   *
   * @param shorten what the message tells to shorten besides the key
   */
  public static String ptNameLength(String prefix, String modelKey, String shorten) {
    String longest = prefix + modelKey + PT_NAME_SUFFIX_EXAMPLE;
    if (longest.length() <= PT_NAME_MAX && PT_NAME.matcher(longest).matches()) {
      return null;
    }
    return "PT names would be up to "
        + longest.length()
        + " characters; Bedrock allows "
        + PT_NAME_MAX
        + " ("
        + longest
        + "): shorten "
        + shorten
        + " or the model key '"
        + modelKey
        + "' by "
        + (longest.length() - PT_NAME_MAX);
  }

  /**
   * {@code aws.stateTable}: DynamoDB table names are 3-255 characters of letters, digits, '_', '-'
   * and '.' (Amazon DynamoDB Developer Guide, "Naming rules").
   */
  public static String tableName(String name) {
    return TABLE.matcher(name).matches()
        ? null
        : "DynamoDB table names are 3-255 characters of letters, digits, '_', '-' and '.'";
  }

  /**
   * {@code aws.routesParameter}: an SSM parameter name (Systems Manager API Reference,
   * PutParameter.Name): letters, digits and {@code _.-}, '/' between the levels of a hierarchy,
   * which must then start with '/'; at most 15 levels and 1011 characters; not beginning with "aws"
   * or "ssm" in any case.
   */
  public static String ssmParameter(String name) {
    if (name.length() > 1011) {
      return "is " + name.length() + " characters; SSM parameter names are at most 1011";
    }
    boolean hierarchy = name.indexOf('/') >= 0;
    if (hierarchy && !name.startsWith("/")) {
      return "an SSM parameter name with levels starts with '/', e.g. /capacityctl/shop/routes";
    }
    String[] levels = (hierarchy ? name.substring(1) : name).split("/", -1);
    if (levels.length > 15) {
      return "has " + levels.length + " levels; SSM parameter names have at most 15";
    }
    for (String level : levels) {
      if (!SSM_SEGMENT.matcher(level).matches()) {
        return "SSM parameter names hold letters, digits, '_', '.' and '-', with single '/'"
            + " between levels (and none at the end)";
      }
    }
    String first = levels[0].toLowerCase(Locale.ROOT);
    if (first.startsWith("aws") || first.startsWith("ssm")) {
      return "SSM parameter names cannot begin with 'aws' or 'ssm' (reserved by AWS)";
    }
    return null;
  }

  /**
   * A CloudWatch namespace, metric name or dimension name: 1-255 ASCII characters, not all
   * whitespace, no control character, and a namespace or dimension name does not start with ':'
   * (CloudWatch API Reference, Metric and Dimension).
   */
  public static String cloudWatchName(String name) {
    if (name.length() > 255) {
      return "is " + name.length() + " characters; CloudWatch names are at most 255";
    }
    return ascii(name, "CloudWatch names");
  }

  /** A namespace or dimension name, which moreover cannot start with ':'. */
  public static String namespaceOrDimension(String name) {
    String problem = cloudWatchName(name);
    return problem != null || !name.startsWith(":")
        ? problem
        : "CloudWatch namespaces and dimension names cannot start with ':'";
  }

  /**
   * A CloudWatch dimension value (e.g. the model id of {@code kind: model-id}): 1-1024 ASCII
   * characters without control characters (CloudWatch API Reference, Dimension.Value).
   */
  public static String dimensionValue(String value) {
    if (value.length() > 1024) {
      return "is " + value.length() + " characters; CloudWatch dimension values are at most 1024";
    }
    return ascii(value, "CloudWatch dimension values");
  }

  /**
   * A Bedrock model identifier: sent as {@code modelId} and read as the ModelId dimension, so a
   * dimension value without whitespace.
   */
  public static String modelId(String id) {
    String problem = dimensionValue(id);
    return problem != null || !id.matches(".*\\s.*")
        ? problem
        : "a Bedrock model id has no whitespace, e.g. anthropic.claude-3-haiku-20240307-v1:0";
  }

  /**
   * An ECS cluster or service name: 1-255 letters, digits, '-' and '_' (Amazon ECS API Reference,
   * CreateCluster.clusterName and CreateService.serviceName); it also goes into the Application
   * Auto Scaling resource id {@code service/<cluster>/<service>}.
   */
  public static String ecsName(String name) {
    return ECS_NAME.matcher(name).matches()
        ? null
        : "ECS cluster and service names are 1-255 letters, digits, '-' and '_'";
  }

  private static String ascii(String s, String what) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 126 || c < 32) {
        return what + " hold printable ASCII characters only";
      }
    }
    return s.isBlank() ? what + " need a character other than a space" : null;
  }

  private static String separators(String name, String where) {
    if (name.endsWith("-") || name.endsWith("_")) {
      return "must not end with '-' or '_': "
          + where
          + " allow them only between letters or digits";
    }
    if (!ALNUM_RUNS.matcher(name).matches()) {
      return "must start with a letter or digit and not hold two '-' or '_' in a row: "
          + where
          + " allow them only between letters or digits";
    }
    return null;
  }

  private static String chop(String s) {
    return s.substring(0, s.length() - 1);
  }
}
