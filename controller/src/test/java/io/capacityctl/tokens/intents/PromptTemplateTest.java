package io.capacityctl.tokens.intents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.capacityctl.config.ConfigError;
import io.capacityctl.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptTemplateTest {
  @Test
  void placeholdersAreListedInOrderOfFirstUseAndFilled() throws Exception {
    PromptTemplate t =
        PromptTemplate.parse("Title: {{title}}\nQ: {{ question }} about {{title}}", "t.txt");

    assertThat(t.placeholders()).containsExactly("title", "question");
    assertThat(t.render(Map.of("title", "Vagabond", "question", "why?")))
        .isEqualTo("Title: Vagabond\nQ: why? about Vagabond");
  }

  @Test
  void valuesAreInsertedLiterallyEvenWithRegexSpecialCharacters() throws Exception {
    PromptTemplate t = PromptTemplate.parse("price: {{p}}", "t.txt");

    assertThat(t.render(Map.of("p", "$1 \\ {{p}}"))).isEqualTo("price: $1 \\ {{p}}");
  }

  @Test
  void malformedPlaceholderIsAnErrorAtItsLine() {
    assertThatThrownBy(() -> PromptTemplate.parse("line one\nline two {{ 9lives }}\n", "t.txt"))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.errors())
                    .extracting(ConfigError::source, ConfigError::line)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("t.txt", 2)));
  }
}
