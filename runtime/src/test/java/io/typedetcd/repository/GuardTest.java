package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.kv.Cmp;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compares evaluated the way etcd evaluates them, from the keys a failed transaction read. */
class GuardTest {
  static KeyValue kv(String key, long create, long mod, String value) {
    return new KeyValue(
        ByteString.copyFromUtf8(key), ByteString.copyFromUtf8(value), create, mod, 1, 0);
  }

  @Test
  void anEmptyRangeComparesAsOneAbsentKey() {
    assertThat(Guard.holds(Cmp.createRevision("/a").equalTo(0).toProto(), List.of())).isTrue();
    assertThat(Guard.holds(Cmp.modRevision("/a").equalTo(0).toProto(), List.of())).isTrue();
    assertThat(Guard.holds(Cmp.modRevision("/a").equalTo(5).toProto(), List.of())).isFalse();
    assertThat(
            Guard.holds(Cmp.createRevision("/a/").withPrefix().greaterThan(0).toProto(), List.of()))
        .isFalse();
    // a value compare on no key always fails, whatever it compares with
    assertThat(Guard.holds(Cmp.value("/a").equalTo("").toProto(), List.of())).isFalse();
    assertThat(Guard.holds(Cmp.value("/a").notEqualTo("x").toProto(), List.of())).isFalse();
  }

  @Test
  void everyKeyOfARangeMustSatisfyTheCompare() {
    List<KeyValue> kvs = List.of(kv("/e/a", 3, 7, "1"), kv("/e/b", 3, 9, "2"));
    assertThat(Guard.holds(Cmp.modRevision("/e/").withPrefix().lessThan(10).toProto(), kvs))
        .isTrue();
    assertThat(Guard.holds(Cmp.modRevision("/e/").withPrefix().lessThan(9).toProto(), kvs))
        .isFalse();
    assertThat(Guard.holds(Cmp.createRevision("/e/").withPrefix().greaterThan(0).toProto(), kvs))
        .isTrue();
    assertThat(Guard.holds(Cmp.modRevision("/e/").withPrefix().notEqualTo(7).toProto(), kvs))
        .isFalse();
    assertThat(Guard.holds(Cmp.value("/e/").withPrefix().greaterThan("0").toProto(), kvs)).isTrue();
    assertThat(Guard.holds(Cmp.value("/e/a").equalTo("1").toProto(), kvs.subList(0, 1))).isTrue();
    assertThat(Guard.holds(Cmp.version("/e/a").equalTo(1).toProto(), kvs.subList(0, 1))).isTrue();
    assertThat(Guard.holds(Cmp.lease("/e/a").equalTo(0).toProto(), kvs.subList(0, 1))).isTrue();
    assertThat(Guard.version(kvs)).isEqualTo(9);
    assertThat(Guard.version(List.of())).isZero();
  }
}
