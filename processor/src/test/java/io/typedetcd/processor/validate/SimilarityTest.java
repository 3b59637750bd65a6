package io.typedetcd.processor.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimilarityTest {
  @Test
  void distanceCountsATranspositionAsOneEdit() {
    assertThat(Similarity.distance("hots", "host")).isEqualTo(1);
    assertThat(Similarity.distance("region", "regoin")).isEqualTo(1);
    assertThat(Similarity.distance("", "abc")).isEqualTo(3);
    assertThat(Similarity.distance("kitten", "sitting")).isEqualTo(3);
  }

  @Test
  void suggestsTheClosestNameWhenItIsATypo() {
    List<String> names = List.of("region", "id", "host", "port");
    assertThat(Similarity.suggest("hots", names)).isEqualTo("host");
    assertThat(Similarity.suggest("Regoin", names)).isEqualTo("region");
    assertThat(Similarity.suggest("ip", names)).isEqualTo("id");
    assertThat(Similarity.suggest("zone", names)).isNull();
    assertThat(Similarity.suggest("x", List.of())).isNull();
  }
}
