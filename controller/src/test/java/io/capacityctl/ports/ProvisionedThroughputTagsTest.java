package io.capacityctl.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A PT's tags read once when it is listed: what it says of who bought it is what its tags say, and
 * its tags are an immutable map like any other.
 */
class ProvisionedThroughputTagsTest {
  private static ProvisionedThroughput pt(Map<String, String> tags) {
    return new ProvisionedThroughput(
        "arn:pt/1",
        "pt",
        "anthropic.sonnet",
        1,
        PtStatus.IN_SERVICE,
        false,
        Instant.EPOCH,
        tags,
        null);
  }

  @Test
  void whoBoughtItIsWhatItsTagsSayWhateverTheyHold() {
    List<String> values = java.util.Arrays.asList(null, "capacityctl", "shop", "sonnet", "t1", "x");
    String[] keys = {
      ProvisionedThroughput.TAG_MANAGED_BY,
      ProvisionedThroughput.TAG_CONFIG,
      ProvisionedThroughput.TAG_MODEL,
      ProvisionedThroughput.TAG_PURCHASE
    };
    java.util.Random random = new java.util.Random(3);
    for (int trial = 0; trial < 500; trial++) {
      Map<String, String> tags = new HashMap<>();
      for (String key : keys) {
        String v = values.get(random.nextInt(values.size()));
        if (v != null) {
          tags.put(key, v);
        }
      }
      if (random.nextBoolean()) {
        tags.put("team", "search");
      }
      ProvisionedThroughput pt = pt(tags);

      assertThat(pt.managed())
          .as("%s", tags)
          .isEqualTo("capacityctl".equals(tags.get(ProvisionedThroughput.TAG_MANAGED_BY)));
      assertThat(pt.configTag()).isEqualTo(tags.get(ProvisionedThroughput.TAG_CONFIG));
      assertThat(pt.modelTag()).isEqualTo(tags.get(ProvisionedThroughput.TAG_MODEL));
      assertThat(pt.purchaseToken()).isEqualTo(tags.get(ProvisionedThroughput.TAG_PURCHASE));
      assertThat(pt.managedBy("shop", "sonnet"))
          .isEqualTo(
              "capacityctl".equals(tags.get(ProvisionedThroughput.TAG_MANAGED_BY))
                  && "shop".equals(tags.get(ProvisionedThroughput.TAG_CONFIG))
                  && "sonnet".equals(tags.get(ProvisionedThroughput.TAG_MODEL)));
      assertThat(pt.managedBy(java.util.Arrays.asList("old", "shop"), "sonnet"))
          .isEqualTo(pt.managedBy("shop", "sonnet"));
      assertThat(pt.tags()).isEqualTo(tags).hasSameHashCodeAs(tags).isEqualTo(Map.copyOf(tags));
      assertThat(Map.copyOf(tags)).isEqualTo(pt.tags());
    }
  }

  @Test
  void itsTagsAreACopyNoOneCanChange() {
    Map<String, String> tags =
        new HashMap<>(Map.of(ProvisionedThroughput.TAG_MANAGED_BY, "capacityctl"));
    ProvisionedThroughput pt = pt(tags);
    tags.put(ProvisionedThroughput.TAG_CONFIG, "later");

    assertThat(pt.configTag()).isNull();
    assertThat(pt.tags()).doesNotContainKey(ProvisionedThroughput.TAG_CONFIG);
    assertThatThrownBy(() -> pt.tags().put("k", "v"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> pt.tags().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(pt(pt.tags()).tags()).isSameAs(pt.tags()).as("copied once");
  }
}
