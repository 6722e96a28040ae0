package io.capacityctl.tokens.intents;

import io.capacityctl.config.ConfigError;
import io.capacityctl.config.ConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt with {@code {{name}}} placeholders, filled from one sample's values. Nothing else is
 * special: the text is sent as written, so what is counted is what the model receives.
 */
public final class PromptTemplate {
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*}}");

  private final String text;
  private final Set<String> placeholders;

  private PromptTemplate(String text, Set<String> placeholders) {
    this.text = text;
    this.placeholders = Collections.unmodifiableSet(new LinkedHashSet<>(placeholders));
  }

  /**
   * Parses {@code text}; a <code>{{</code> that does not open a well-formed placeholder is an error
   * at its line of {@code source}.
   */
  public static PromptTemplate parse(String text, String source) throws ConfigException {
    Set<String> names = new LinkedHashSet<>();
    List<ConfigError> errors = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    int from = 0;
    while (true) {
      int open = text.indexOf("{{", from);
      if (open < 0) {
        break;
      }
      if (m.find(open) && m.start() == open) {
        names.add(m.group(1));
        from = m.end();
      } else {
        errors.add(
            new ConfigError(
                source,
                lineOf(text, open),
                "template",
                "malformed placeholder: write {{name}} with a name of letters, digits and _"));
        from = open + 2;
      }
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return new PromptTemplate(text, names);
  }

  /** Placeholder names, in order of first use. */
  public Set<String> placeholders() {
    return placeholders;
  }

  /** The prompt for one sample; {@code values} must hold every placeholder (checked at load). */
  public String render(Map<String, String> values) {
    return PLACEHOLDER
        .matcher(text)
        .replaceAll(r -> Matcher.quoteReplacement(values.get(r.group(1))));
  }

  private static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
