package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.typedetcd.client.KeyValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldGroupsTest {
  static ByteString utf8(String s) {
    return ByteString.copyFromUtf8(s);
  }

  static KeyValue kv(String key, String value, long mod) {
    return new KeyValue(utf8(key), utf8(value), 1, mod, 1, 0);
  }

  final FieldGroups groups = new FieldGroups(utf8("/cfg/"));

  @Test
  void theEntityKeyIsEverythingBeforeTheLastSlashBelowTheRoot() {
    assertThat(groups.entityKeyOf(utf8("/cfg/prod/web/port"))).isEqualTo(utf8("/cfg/prod/web"));
    assertThat(groups.entityKeyOf(utf8("/cfg/東京/port"))).isEqualTo(utf8("/cfg/東京"));
    assertThat(groups.entityKeyOf(utf8("/cfg/a/"))).isEqualTo(utf8("/cfg/a"));
    assertThat(groups.entityKeyOf(utf8("/cfg/loose"))).isNull();
    assertThat(groups.entityKeyOf(utf8("/cfg/"))).isNull();
  }

  @Test
  void aGroupEndsWhenTheNextEntityStartsOrTheReadEnds() {
    ByteString a = utf8("/cfg/a");
    ByteString b = utf8("/cfg/b");
    assertThat(groups.accept(a, kv("/cfg/a/host", "h", 7))).isNull();
    assertThat(groups.accept(a, kv("/cfg/a/port", "80", 9))).isNull();

    FieldGroups.Group first = groups.accept(b, kv("/cfg/b/host", "h2", 3));
    assertThat(first.entityKey()).isEqualTo(a);
    assertThat(first.fields()).isEqualTo(Map.of("host", utf8("h"), "port", utf8("80")));
    assertThat(first.version()).isEqualTo(9);

    FieldGroups.Group last = groups.finish();
    assertThat(last.entityKey()).isEqualTo(b);
    assertThat(last.fields()).containsOnlyKeys("host");
    assertThat(last.version()).isEqualTo(3);
    assertThat(groups.finish()).isNull();
  }
}
