package io.typedetcd.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPathTest {
  static ByteString utf8(String s) {
    return ByteString.copyFromUtf8(s);
  }

  @Test
  void buildsKeysAndPrefixes() {
    KeyPath root = KeyPath.root("/registry/services");
    KeyPath eu = root.add(KeySegments.string("eu"));
    assertThat(root.prefix()).isEqualTo(utf8("/registry/services/"));
    assertThat(root.key()).isEqualTo(utf8("/registry/services"));
    assertThat(eu.prefix()).isEqualTo(utf8("/registry/services/eu/"));
    assertThat(eu.add(KeySegments.string("a/1")).key())
        .isEqualTo(utf8("/registry/services/eu/a%2F1"));
    assertThat(eu.add("a1").toString()).isEqualTo("/registry/services/eu/a1");
  }

  @Test
  void isImmutable() {
    KeyPath root = KeyPath.root("/p");
    KeyPath a = root.add("a");
    root.add("b");
    assertThat(root.key()).isEqualTo(utf8("/p"));
    assertThat(a.key()).isEqualTo(utf8("/p/a"));
    assertThat(a.prefix()).isEqualTo(utf8("/p/a/"));
    assertThat(a.key()).isEqualTo(utf8("/p/a")); // also once the prefix is cached
    assertThat(root.add("a")).isEqualTo(a).hasSameHashCodeAs(a);
  }

  @Test
  void segmentsOfKeysBelowThePath() {
    KeyPath root = KeyPath.root("/registry/services");
    assertThat(root.segmentsOf(utf8("/registry/services/eu/a1"))).containsExactly("eu", "a1");
    assertThat(root.segmentsOf(utf8("/registry/services/eu"))).containsExactly("eu");
    assertThat(root.add("eu").segmentsOf(utf8("/registry/services/eu/a1"))).containsExactly("a1");
    // empty segments are kept, so decoding them fails instead of misreading the key
    assertThat(root.segmentsOf(utf8("/registry/services/eu//a1"))).containsExactly("eu", "", "a1");
    assertThat(root.segmentsOf(utf8("/registry/services/eu/"))).containsExactly("eu", "");
    assertThat(root.segmentsOf(utf8("/registry/services/東京"))).isEqualTo(List.of("東京"));
  }

  @Test
  void countedSegmentsAreTheSegmentsWhenThereAreThatMany() {
    KeyPath root = KeyPath.root("/registry/services");
    for (String rest : List.of("eu/a1", "eu", "eu//a1", "eu/", "/", "東京/a%2Fb", "a/b/c", "x/")) {
      ByteString key = utf8("/registry/services/" + rest);
      List<String> all = root.segmentsOf(key);
      for (int count = 1; count <= 4; count++) {
        String[] counted = root.segmentsOf(key, count);
        if (all.size() == count) {
          assertThat(counted).as(rest).containsExactlyElementsOf(all);
        } else {
          assertThat(counted).as(rest + " in " + count).isNull();
        }
      }
    }
    assertThat(root.segmentsOf(utf8("/registry/services"), 1)).isNull();
    assertThat(root.segmentsOf(utf8("/registry/services/"), 1)).isNull();
    assertThat(root.segmentsOf(utf8("/registry/servicesX/a"), 1)).isNull();
  }

  @Test
  void keysNotBelowThePathHaveNoSegments() {
    KeyPath root = KeyPath.root("/users");
    assertThat(root.segmentsOf(utf8("/users2/a"))).isNull();
    assertThat(root.segmentsOf(utf8("/users"))).isNull();
    assertThat(root.segmentsOf(utf8("/users/"))).isNull();
    assertThat(root.segmentsOf(utf8("/other/a"))).isNull();
  }

  @Test
  void rejectsBadPrefixesAndSegments() {
    for (String bad : List.of("", "/", "relative", "/a/", "/a//b")) {
      assertThatThrownBy(() -> KeyPath.root(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("entityPrefix")
          .hasMessageContaining("'" + bad + "'");
    }
    KeyPath root = KeyPath.root("/p");
    for (String bad : List.of("", "a/b")) {
      assertThatThrownBy(() -> root.add(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("encodedSegment");
    }
  }
}
