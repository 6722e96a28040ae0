package io.capacityctl.config.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.capacityctl.config.ConfigError;
import io.capacityctl.config.ConfigException;
import io.capacityctl.config.Limits;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Parses YAML into {@link YamlNode}s that carry line numbers. Jackson's own tree drops locations,
 * and every capacityctl input error must name its line.
 */
public final class YamlTree {
  /**
   * SnakeYAML stops at the code-point limit while it scans, and Jackson at the nesting limit, so no
   * input makes the parser work long (a 50 MB quoted string hung it); aliases stay at SnakeYAML's
   * default of 50 per document (no "billion laughs").
   */
  private static final YAMLFactory FACTORY =
      YAMLFactory.builder()
          // As new YAMLFactory() has it (the builder starts from no features): "key:" is no value.
          .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
          .loaderOptions(loaderOptions())
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(Limits.MAX_NESTING).build())
          .build();

  private YamlTree() {}

  private static LoaderOptions loaderOptions() {
    LoaderOptions o = new LoaderOptions();
    o.setCodePointLimit(Limits.MAX_CONFIG_CHARS + 1);
    o.setNestingDepthLimit(Limits.MAX_NESTING);
    return o;
  }

  /** Parses one YAML document; a syntax error or duplicate key is reported with its line. */
  public static YamlNode parse(String text, String source) throws ConfigException {
    JsonParser p = null;
    try {
      p = FACTORY.createParser(text);
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new ConfigException(new ConfigError(source, 1, "(document)", "file is empty"));
      }
      return read(p, "", p.currentTokenLocation().getLineNr(), source);
    } catch (StreamConstraintsException e) {
      // A limit carries no location of its own: the parser is where it stopped.
      throw new ConfigException(
          new ConfigError(
              source,
              p == null ? 0 : p.currentLocation().getLineNr(),
              "(syntax)",
              "nests maps and lists deeper than " + Limits.MAX_NESTING + " levels"));
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(new ConfigError(source, line, "(syntax)", e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ConfigException(new ConfigError(source, 0, "(file)", e.getMessage()));
    } finally {
      close(p);
    }
  }

  private static void close(JsonParser p) {
    try {
      if (p != null) {
        p.close();
      }
    } catch (IOException e) {
      // Reading a string: nothing to release.
    }
  }

  /**
   * Reads the value at the current token. {@code line} is where the value is named: a map field's
   * key line (a block map or list value starts on the next line, but people look for the key).
   */
  private static YamlNode read(JsonParser p, String path, int line, String source)
      throws IOException, ConfigException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        LinkedHashMap<String, YamlNode> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          int keyLine = p.currentTokenLocation().getLineNr();
          String childPath = path.isEmpty() ? key : path + "." + key;
          if (fields.containsKey(key)) {
            throw new ConfigException(new ConfigError(source, keyLine, childPath, "duplicate key"));
          }
          p.nextToken();
          fields.put(key, read(p, childPath, keyLine, source));
        }
        return YamlNode.map(path, line, fields);
      }
      case START_ARRAY -> {
        List<YamlNode> items = new ArrayList<>();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(read(p, path + "[" + i++ + "]", p.currentTokenLocation().getLineNr(), source));
        }
        return YamlNode.list(path, line, items);
      }
      case VALUE_NULL -> {
        return YamlNode.scalar(path, line, null);
      }
      default -> {
        String text = p.getText();
        if (text.length() > Limits.MAX_SCALAR_CHARS) {
          throw new ConfigException(
              new ConfigError(
                  source,
                  line,
                  path.isEmpty() ? "(document)" : path,
                  "is "
                      + text.length()
                      + " characters long; a value is at most "
                      + Limits.MAX_SCALAR_CHARS));
        }
        return YamlNode.scalar(path, line, text);
      }
    }
  }
}
