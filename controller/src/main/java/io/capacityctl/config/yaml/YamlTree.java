package io.capacityctl.config.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.capacityctl.config.ConfigError;
import io.capacityctl.config.ConfigException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Parses YAML into {@link YamlNode}s that carry line numbers. Jackson's own tree drops locations,
 * and every capacityctl input error must name its line.
 */
public final class YamlTree {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private YamlTree() {}

  /** Parses one YAML document; a syntax error or duplicate key is reported with its line. */
  public static YamlNode parse(String text, String source) throws ConfigException {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new ConfigException(new ConfigError(source, 1, "(document)", "file is empty"));
      }
      return read(p, "", p.currentTokenLocation().getLineNr(), source);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(new ConfigError(source, line, "(syntax)", e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ConfigException(new ConfigError(source, 0, "(file)", e.getMessage()));
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
        return YamlNode.scalar(path, line, p.getText());
      }
    }
  }
}
