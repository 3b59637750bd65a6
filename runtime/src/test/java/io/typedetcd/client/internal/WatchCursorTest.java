package io.typedetcd.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.typedetcd.client.watch.WatchBatch;
import io.typedetcd.client.watch.WatchEvent;
import io.typedetcd.proto.etcdserverpb.ResponseHeader;
import io.typedetcd.proto.etcdserverpb.WatchResponse;
import io.typedetcd.proto.mvccpb.Event;
import io.typedetcd.proto.mvccpb.KeyValue;
import org.junit.jupiter.api.Test;

class WatchCursorTest {
  static Event put(String key, long revision) {
    return Event.newBuilder()
        .setType(Event.EventType.PUT)
        .setKv(KeyValue.newBuilder().setKey(ByteString.copyFromUtf8(key)).setModRevision(revision))
        .build();
  }

  static WatchResponse response(long header, boolean fragment, Event... events) {
    WatchResponse.Builder b =
        WatchResponse.newBuilder()
            .setWatchId(7)
            .setFragment(fragment)
            .setHeader(ResponseHeader.newBuilder().setRevision(header));
    for (Event e : events) {
      b.addEvents(e);
    }
    return b.build();
  }

  @Test
  void aWatchFromNowIsPinnedToTheRevisionAfterItsFirstRegistration() {
    WatchCursor c = new WatchCursor(Namespace.NONE, 0);
    assertThat(c.resumeRevision()).isZero();
    c.created(10);
    assertThat(c.resumeRevision()).isEqualTo(11);
    c.created(20); // a later re-create must not skip 11..20
    assertThat(c.resumeRevision()).isEqualTo(11);
  }

  @Test
  void anExplicitStartRevisionIsKeptUntilEventsArrive() {
    WatchCursor c = new WatchCursor(Namespace.NONE, 5);
    c.created(10);
    assertThat(c.resumeRevision()).isEqualTo(5);
  }

  @Test
  void eventsMoveTheResumeRevisionAndRepeatsAreDropped() {
    WatchCursor c = new WatchCursor(Namespace.NONE, 11);
    WatchBatch first = c.events(response(12, false, put("a", 11), put("b", 12)));
    assertThat(first.revision()).isEqualTo(12);
    assertThat(c.resumeRevision()).isEqualTo(13);
    WatchBatch second = c.events(response(13, false, put("b", 12), put("c", 13)));
    assertThat(second.events()).extracting(e -> e.kv().key()).containsExactly("c");
    assertThat(c.events(response(13, false, put("c", 13)))).isNull();
    assertThat(c.resumeRevision()).isEqualTo(14);
  }

  @Test
  void fragmentsAreJoinedIntoOneBatch() {
    WatchCursor c = new WatchCursor(Namespace.NONE, 1);
    assertThat(c.hasEvents(response(11, true, put("a", 11)))).isTrue();
    assertThat(c.events(response(11, true, put("a", 11), put("b", 11)))).isNull();
    assertThat(c.events(response(11, true, put("c", 11)))).isNull();
    WatchBatch whole = c.events(response(11, false, put("d", 11)));
    assertThat(whole.events()).extracting(e -> e.kv().key()).containsExactly("a", "b", "c", "d");
    assertThat(c.hasEvents(response(11, false))).isFalse();
  }

  @Test
  void aBrokenStreamDropsAHalfReceivedFragmentedResponse() {
    WatchCursor c = new WatchCursor(Namespace.NONE, 1);
    c.events(response(11, true, put("a", 11)));
    c.reset();
    WatchBatch resent = c.events(response(11, false, put("a", 11), put("b", 11)));
    assertThat(resent.events()).extracting(e -> e.kv().key()).containsExactly("a", "b");
  }

  @Test
  void trustedProgressMovesTheResumeRevisionToItButNotPast() {
    WatchCursor c = new WatchCursor(Namespace.NONE, 0);
    c.created(10);
    assertThat(c.progress(15, true)).isEqualTo(15);
    assertThat(c.resumeRevision()).isEqualTo(15);
    assertThat(c.progress(15, true)).isZero(); // nothing new to report
    assertThat(c.progress(14, true)).isZero();
    assertThat(c.resumeRevision()).isEqualTo(15);
    // Events of the progress revision itself may still come, and are not repeats.
    assertThat(c.events(response(15, false, put("a", 15)))).isNotNull();
    assertThat(c.progress(15, true)).isZero(); // never below what was delivered
  }

  @Test
  void onDemandProgressIsReportedButNeverMovesTheResumeRevision() {
    WatchCursor c = new WatchCursor(Namespace.NONE, 0);
    c.created(10);
    assertThat(c.progress(20, false)).isEqualTo(20);
    assertThat(c.resumeRevision()).isEqualTo(11);
  }

  @Test
  void eventsAreConvertedWithTheNamespaceStripped() {
    WatchCursor c = new WatchCursor(Namespace.of("/ns/"), 1);
    Event delete =
        Event.newBuilder()
            .setType(Event.EventType.DELETE)
            .setKv(KeyValue.newBuilder().setKey(ByteString.copyFromUtf8("/ns/a")).setModRevision(9))
            .setPrevKv(
                KeyValue.newBuilder()
                    .setKey(ByteString.copyFromUtf8("/ns/a"))
                    .setValue(ByteString.copyFromUtf8("old")))
            .build();
    WatchEvent e = c.events(response(9, false, put("/ns/b", 8), delete)).events().get(1);
    assertThat(e.type()).isEqualTo(WatchEvent.Type.DELETE);
    assertThat(e.kv().key()).isEqualTo("a");
    assertThat(e.prevKv().key()).isEqualTo("a");
    assertThat(e.prevKv().value()).isEqualTo("old");
  }
}
