package io.capacityctl.tokens.intents;

import io.capacityctl.config.ConfigError;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.ConfigLoader;
import io.capacityctl.config.Limits;
import io.capacityctl.config.yaml.YamlNode;
import io.capacityctl.config.yaml.YamlTree;
import io.capacityctl.tokens.Calibration;
import io.capacityctl.tokens.TokenEncoding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates an intents file (see docs/tokens.md). Every problem, in the file or in a
 * template it names, is reported with file, line and field, and nothing is returned unless all is
 * valid. Template paths are relative to the intents file.
 */
public final class IntentsLoader {
  private static final Set<String> ROOT_KEYS = Set.of("models", "traffic", "intents");
  private static final Set<String> MODEL_KEYS = Set.of("encoding", "calibration");
  private static final Set<String> TRAFFIC_KEYS = Set.of("from", "to", "share");
  private static final Set<String> INTENT_KEYS =
      Set.of(
          "model",
          "peakRequestsPerSecond",
          "template",
          "samples",
          "generate",
          "maxOutputTokens",
          "outputRatio",
          "budgetTokensPerRequest",
          "encoding",
          "calibration");
  private static final Set<String> GENERATE_KEYS = Set.of("count", "seed", "history");
  private static final Set<String> HISTORY_KEYS = Set.of("titles");
  private static final Set<String> RANGE_KEYS = Set.of("min", "max");
  // Intent names become CloudWatch dimension values and CLI output columns.
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final double MAX_CALIBRATION = 10;

  private final Path file;
  private final NodeReader reader;

  private IntentsLoader(Path file) {
    this.file = file;
    this.reader = new NodeReader(file.toString());
  }

  /** Loads {@code file}; throws with every problem found. */
  public static IntentsFile load(Path file) throws ConfigException {
    String text;
    try {
      // Sized before it is read, as a configuration is: the configuration names this file.
      long size = Files.size(file);
      if (size > Limits.MAX_CONFIG_CHARS) {
        throw ConfigLoader.tooLarge(file.toString(), size + " bytes");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(
          new ConfigError(
              file.toString(),
              0,
              "(file)",
              "cannot read intents file: " + e.getClass().getSimpleName()));
    }
    return new IntentsLoader(file).read(YamlTree.parse(text, file.toString()));
  }

  private IntentsFile read(YamlNode root) throws ConfigException {
    if (!reader.isMap(root)) {
      throw new ConfigException(reader.errors());
    }
    reader.onlyKeys(root, ROOT_KEYS);
    Map<String, Calibration> modelCalibrations = readModels(root.get("models"));
    List<TrafficWindow> traffic = readTraffic(root.get("traffic"));
    Map<String, Intent> intents = new LinkedHashMap<>();
    YamlNode intentsNode = reader.required(root, "intents");
    if (intentsNode != null && reader.isMap(intentsNode)) {
      if (intentsNode.fields().isEmpty()) {
        reader.error(intentsNode, "must name at least one intent");
      }
      intentsNode
          .fields()
          .forEach(
              (name, node) -> {
                Intent intent = readIntent(name, node, modelCalibrations);
                if (intent != null) {
                  intents.put(name, intent);
                }
              });
      checkModelsUsed(root.get("models"), intentsNode);
    }
    if (!reader.errors().isEmpty()) {
      throw new ConfigException(reader.errors());
    }
    return new IntentsFile(file.toString(), intents, traffic);
  }

  /** Per-model tokenizer settings; a model not listed counts with cl100k_base, uncalibrated. */
  private Map<String, Calibration> readModels(YamlNode models) {
    Map<String, Calibration> out = new HashMap<>();
    if (models == null || !reader.isMap(models)) {
      return out;
    }
    models
        .fields()
        .forEach(
            (key, node) -> {
              if (reader.isMap(node)) {
                reader.onlyKeys(node, MODEL_KEYS);
                Calibration c = readCalibration(node, Calibration.UNCALIBRATED);
                if (c != null) {
                  out.put(key, c);
                }
              }
            });
    return out;
  }

  /** A listed model no intent uses is most likely a misspelt key. */
  private void checkModelsUsed(YamlNode models, YamlNode intents) {
    if (models == null || !models.isMap()) {
      return;
    }
    Set<String> used = new HashSet<>();
    intents.fields().values().stream()
        .filter(YamlNode::isMap)
        .map(n -> n.get("model"))
        .filter(m -> m != null && m.isScalar())
        .forEach(m -> used.add(m.scalar()));
    models
        .fields()
        .forEach(
            (key, node) -> {
              if (!used.contains(key)) {
                reader.error(node, "no intent uses model '" + key + "' (intents use " + used + ")");
              }
            });
  }

  /** {@code encoding} and {@code calibration} of {@code node}, each defaulting to {@code base}. */
  private Calibration readCalibration(YamlNode node, Calibration base) {
    int before = reader.errorCount();
    TokenEncoding encoding = base.encoding();
    YamlNode e = node.get("encoding");
    if (e != null) {
      String name = reader.text(e);
      if (name != null) {
        encoding = TokenEncoding.fromFileName(name).orElse(null);
        if (encoding == null) {
          reader.error(e, "unknown encoding '" + name + "'; use " + TokenEncoding.fileNames());
        }
      }
    }
    double factor = base.factor();
    YamlNode f = node.get("calibration");
    if (f != null) {
      factor = reader.number(f, 0, MAX_CALIBRATION);
      if (factor == 0) {
        reader.error(f, "must be > 0: observed tokens per counted token, e.g. 1.1");
      }
    }
    return reader.errorCount() > before ? null : new Calibration(encoding, factor);
  }

  private List<TrafficWindow> readTraffic(YamlNode traffic) {
    List<TrafficWindow> out = new ArrayList<>();
    if (traffic == null) {
      return out;
    }
    if (!traffic.isList() || traffic.items().isEmpty()) {
      reader.error(traffic, "must be a list of {from, to, share} windows");
      return out;
    }
    for (YamlNode w : traffic.items()) {
      if (!reader.isMap(w)) {
        continue;
      }
      int before = reader.errorCount();
      reader.onlyKeys(w, TRAFFIC_KEYS);
      YamlNode from = reader.required(w, "from");
      YamlNode to = reader.required(w, "to");
      YamlNode share = reader.required(w, "share");
      var fromTime = from == null ? null : reader.time(from);
      var toTime = to == null ? null : reader.time(to);
      double s = share == null ? Double.NaN : reader.number(share, 0, 1);
      if (reader.errorCount() == before) {
        out.add(new TrafficWindow(fromTime, toTime, s, w.line()));
      }
    }
    return out;
  }

  private Intent readIntent(String name, YamlNode node, Map<String, Calibration> models) {
    int before = reader.errorCount();
    if (!NAME.matcher(name).matches()) {
      reader.error(node, "intent name must be letters, digits, '.', '_' or '-'");
    }
    if (!reader.isMap(node)) {
      return null;
    }
    reader.onlyKeys(node, INTENT_KEYS);
    String model = textField(node, "model");
    double peak = numberField(node, "peakRequestsPerSecond", 0, 1e6);
    Long maxOutput = wholeField(node, "maxOutputTokens", 1, 1_000_000);
    double ratio = numberField(node, "outputRatio", 0, 1);
    Long budget = wholeField(node, "budgetTokensPerRequest", 1, 10_000_000);
    Calibration calibration =
        readCalibration(node, models.getOrDefault(model, Calibration.UNCALIBRATED));
    YamlNode templateNode = reader.required(node, "template");
    PromptTemplate template = templateNode == null ? null : readTemplate(templateNode);
    List<Sample> samples = readSamples(node, template);
    if (reader.errorCount() > before) {
      return null;
    }
    return new Intent(
        name,
        model,
        peak,
        templateNode.scalar(),
        template,
        samples,
        maxOutput.intValue(),
        ratio,
        budget.intValue(),
        calibration,
        node.line());
  }

  private PromptTemplate readTemplate(YamlNode node) {
    String relative = reader.text(node);
    if (relative == null) {
      return null;
    }
    Path base = file.toAbsolutePath().getParent();
    Path path = base.resolve(relative).normalize();
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      reader.error(node, "cannot read template " + path + ": " + e.getClass().getSimpleName());
      return null;
    }
    try {
      return PromptTemplate.parse(text, path.toString());
    } catch (ConfigException e) {
      reader.errors().addAll(e.errors());
      return null;
    }
  }

  /** Exactly one of {@code samples} and {@code generate}, each matching the template. */
  private List<Sample> readSamples(YamlNode intent, PromptTemplate template) {
    YamlNode written = intent.get("samples");
    YamlNode generate = intent.get("generate");
    if ((written == null) == (generate == null)) {
      reader.error(
          intent, "give exactly one of 'samples' (a list of inputs) or 'generate' (a generator)");
      return List.of();
    }
    return written != null ? readWritten(written, template) : readGenerated(generate, template);
  }

  private List<Sample> readWritten(YamlNode list, PromptTemplate template) {
    if (!list.isList() || list.items().isEmpty()) {
      reader.error(list, "must be a non-empty list of maps, one value per template placeholder");
      return List.of();
    }
    List<Sample> samples = new ArrayList<>();
    for (YamlNode item : list.items()) {
      if (!reader.isMap(item)) {
        continue;
      }
      Map<String, String> values = new LinkedHashMap<>();
      item.fields()
          .forEach(
              (key, value) -> {
                if (!value.isScalar() || value.scalar() == null) {
                  reader.error(value, "must be text (use a YAML block scalar | for several lines)");
                } else {
                  values.put(key, value.scalar());
                }
              });
      if (template != null) {
        matchPlaceholders(item, values.keySet(), template);
      }
      samples.add(
          new Sample(item.path().substring(item.path().lastIndexOf('.') + 1), values, item.line()));
    }
    return samples;
  }

  private void matchPlaceholders(YamlNode sample, Set<String> keys, PromptTemplate template) {
    for (String placeholder : template.placeholders()) {
      if (!keys.contains(placeholder)) {
        reader.error(sample, "no value for {{" + placeholder + "}} used by the template");
      }
    }
    for (String key : keys) {
      if (!template.placeholders().contains(key)) {
        reader.error(
            sample.get(key),
            "the template has no {{" + key + "}}; its placeholders are " + template.placeholders());
      }
    }
  }

  private List<Sample> readGenerated(YamlNode generate, PromptTemplate template) {
    if (!reader.isMap(generate)) {
      return List.of();
    }
    int before = reader.errorCount();
    reader.onlyKeys(generate, GENERATE_KEYS);
    Long count = wholeField(generate, "count", 1, 100_000);
    Long seed = wholeField(generate, "seed", Long.MIN_VALUE, Long.MAX_VALUE);
    YamlNode history = reader.required(generate, "history");
    Long min = null;
    Long max = null;
    if (history != null && reader.isMap(history)) {
      reader.onlyKeys(history, HISTORY_KEYS);
      YamlNode titles = reader.required(history, "titles");
      if (titles != null && reader.isMap(titles)) {
        reader.onlyKeys(titles, RANGE_KEYS);
        min = wholeField(titles, "min", 1, 10_000);
        max = wholeField(titles, "max", 1, 10_000);
        if (min != null && max != null && max < min) {
          reader.error(titles.get("max"), "must be >= min (" + min + "), was " + max);
        }
      }
    }
    if (template != null && !template.placeholders().equals(Set.of(HistoryGenerator.PLACEHOLDER))) {
      reader.error(
          generate,
          "the history generator fills {{"
              + HistoryGenerator.PLACEHOLDER
              + "}} only, but the template's placeholders are "
              + template.placeholders());
    }
    if (reader.errorCount() > before) {
      return List.of();
    }
    return HistoryGenerator.generate(
        count.intValue(), seed, min.intValue(), max.intValue(), generate.line());
  }

  private String textField(YamlNode map, String key) {
    YamlNode n = reader.required(map, key);
    return n == null ? null : reader.text(n);
  }

  private double numberField(YamlNode map, String key, double min, double max) {
    YamlNode n = reader.required(map, key);
    return n == null ? Double.NaN : reader.number(n, min, max);
  }

  private Long wholeField(YamlNode map, String key, long min, long max) {
    YamlNode n = reader.required(map, key);
    return n == null ? null : reader.whole(n, min, max);
  }
}
