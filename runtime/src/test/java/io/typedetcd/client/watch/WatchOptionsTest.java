package io.typedetcd.client.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.typedetcd.proto.etcdserverpb.WatchCreateRequest;
import org.junit.jupiter.api.Test;

class WatchOptionsTest {
  static ByteString b(String s) {
    return ByteString.copyFromUtf8(s);
  }

  @Test
  void defaultIsOneKeyFromNow() {
    WatchCreateRequest r = WatchOptions.DEFAULT.toRequest(b("/a"));
    assertThat(r.getKey()).isEqualTo(b("/a"));
    assertThat(r.getRangeEnd()).isEmpty();
    assertThat(r.getStartRevision()).isZero();
    assertThat(WatchOptions.DEFAULT.maxPendingBatches()).isEqualTo(1000);
  }

  @Test
  void rangesBecomeRangeEnds() {
    assertThat(WatchOptions.DEFAULT.withPrefix().toRequest(b("/a/")).getRangeEnd())
        .isEqualTo(b("/a0"));
    assertThat(WatchOptions.DEFAULT.withPrefix().toRequest(ByteString.EMPTY).getRangeEnd())
        .isEqualTo(ByteString.copyFrom(new byte[] {0}));
    assertThat(WatchOptions.DEFAULT.withFromKey().toRequest(b("/m")).getRangeEnd())
        .isEqualTo(ByteString.copyFrom(new byte[] {0}));
    assertThat(WatchOptions.DEFAULT.withRangeEnd("/c").toRequest(b("/a")).getRangeEnd())
        .isEqualTo(b("/c"));
  }

  @Test
  void optionsSetTheirFieldsAndStayImmutable() {
    WatchOptions o =
        WatchOptions.DEFAULT
            .withStartRevision(7)
            .withPrevKv()
            .withNoPut()
            .withNoPut()
            .withNoDelete()
            .withProgressNotify()
            .withFragment()
            .withMaxPendingBatches(3);
    WatchCreateRequest r = o.toRequest(b("/a"));
    assertThat(r.getStartRevision()).isEqualTo(7);
    assertThat(r.getPrevKv()).isTrue();
    assertThat(r.getProgressNotify()).isTrue();
    assertThat(r.getFragment()).isTrue();
    assertThat(r.getFiltersList())
        .containsExactly(
            WatchCreateRequest.FilterType.NOPUT, WatchCreateRequest.FilterType.NODELETE);
    assertThat(o.maxPendingBatches()).isEqualTo(3);
    assertThat(WatchOptions.DEFAULT.toRequest(b("/a")).getPrevKv()).isFalse();
  }

  @Test
  void badArgumentsAreRefusedEagerlyByName() {
    assertThatThrownBy(() -> WatchOptions.DEFAULT.withStartRevision(-1))
        .hasMessageContaining("startRevision");
    assertThatThrownBy(() -> WatchOptions.DEFAULT.withMaxPendingBatches(0))
        .hasMessageContaining("maxPendingBatches");
    assertThatThrownBy(() -> WatchOptions.DEFAULT.toRequest(ByteString.EMPTY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key");
    assertThatThrownBy(() -> WatchOptions.DEFAULT.withRangeEnd("/a").toRequest(b("/b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rangeEnd");
  }
}
