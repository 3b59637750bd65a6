package io.typedetcd.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.typedetcd.proto.mvccpb.KeyValue;
import org.junit.jupiter.api.Test;

class LeaderRepeatsTest {
  static final ByteString A = ByteString.copyFromUtf8("/e/a");
  static final ByteString B = ByteString.copyFromUtf8("/e/b");

  static KeyValue kv(ByteString key, long create, long mod) {
    return KeyValue.newBuilder().setKey(key).setCreateRevision(create).setModRevision(mod).build();
  }

  @Test
  void theLeaderAlreadyToldIsARepeat() {
    assertThat(LeaderObserver.repeats(kv(A, 10, 15), A, 10, 15)).isTrue();
  }

  @Test
  void aNewValueIsNews() {
    assertThat(LeaderObserver.repeats(kv(A, 10, 16), A, 10, 15)).isFalse();
  }

  @Test
  void aNewLeaderWithAnOlderModRevisionIsNews() {
    assertThat(LeaderObserver.repeats(kv(B, 12, 12), A, 10, 15)).isFalse();
  }

  @Test
  void theSameKeyCreatedAgainIsNews() {
    assertThat(LeaderObserver.repeats(kv(A, 20, 20), A, 10, 25)).isFalse();
  }

  @Test
  void theFirstLeaderIsNews() {
    assertThat(LeaderObserver.repeats(kv(A, 10, 10), null, 0, 0)).isFalse();
  }
}
