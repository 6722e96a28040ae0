package io.capacityctl.config;

import io.capacityctl.tokens.intents.Intent;
import io.capacityctl.tokens.intents.IntentsFile;
import io.capacityctl.tokens.intents.IntentsLoader;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Reads the optional {@code intents} section and loads the intents file it names, so a broken
 * intents file (or one naming a model the config lacks) fails the config load, not a later pass.
 */
final class IntentsReader {
  private static final String CLASSPATH = "classpath:";

  private IntentsReader() {}

  /**
   * @param configSource the config's source name: {@code file} is relative to its directory, or to
   *     its classpath folder for a bundled config
   */
  static Reader<IntentsConfig> intents(String configSource, Set<String> models) {
    return Fields.map(
        f -> {
          String file = f.required("file", Scalars.text());
          IntentsConfig.Metric metric = f.required("metric", metric());
          if (!f.clean()) {
            return new IntentsConfig(file, Map.of(), metric);
          }
          Path path = locate(configSource, file);
          if (path == null || !Files.isRegularFile(path)) {
            f.error("file", "no intents file '" + file + "' next to " + configSource);
            return new IntentsConfig(file, Map.of(), metric);
          }
          try {
            IntentsFile intents = IntentsLoader.load(path);
            for (Intent i : intents.intents().values()) {
              if (!models.contains(i.model())) {
                f.error(
                    "file",
                    "intent '"
                        + i.name()
                        + "' ("
                        + path
                        + ":"
                        + i.line()
                        + ") uses model '"
                        + i.model()
                        + "', which this config does not define; models: "
                        + models);
              }
            }
            return new IntentsConfig(path.toString(), intents.budgets(), metric);
          } catch (ConfigException e) {
            f.addErrors(e.errors());
            return new IntentsConfig(file, Map.of(), metric);
          }
        });
  }

  private static Reader<IntentsConfig.Metric> metric() {
    return Fields.map(
        f ->
            new IntentsConfig.Metric(
                f.required(
                    "namespace",
                    Scalars.name("a CloudWatch namespace", AwsNames::namespaceOrDimension)),
                f.optional(
                    "name",
                    Scalars.name("a CloudWatch metric name", AwsNames::cloudWatchName),
                    IntentsConfig.Metric.DEFAULT_NAME),
                f.optional(
                    "dimension",
                    Scalars.name("a CloudWatch dimension name", AwsNames::namespaceOrDimension),
                    IntentsConfig.Metric.DEFAULT_DIMENSION)));
  }

  /** The file's path, or null when a bundled config names a resource that does not exist. */
  private static Path locate(String configSource, String file) {
    if (!configSource.startsWith(CLASSPATH)) {
      Path dir = Path.of(configSource).toAbsolutePath().getParent();
      return dir.resolve(file).normalize();
    }
    String resource =
        URI.create(configSource.substring(CLASSPATH.length())).resolve(file).toString();
    URL url = IntentsReader.class.getClassLoader().getResource(resource);
    if (url == null) {
      return null;
    }
    try {
      return path(url.toURI());
    } catch (URISyntaxException | IOException e) {
      return null;
    }
  }

  /** A resource as a path; one inside a jar (the Lambda) needs the jar's file system open. */
  private static Path path(URI uri) throws IOException {
    try {
      return Path.of(uri);
    } catch (FileSystemNotFoundException e) {
      FileSystems.newFileSystem(uri, Map.of());
      return Path.of(uri);
    }
  }
}
