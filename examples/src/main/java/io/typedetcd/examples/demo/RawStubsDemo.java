package io.typedetcd.examples.demo;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.typedetcd.proto.etcdserverpb.KVGrpc;
import io.typedetcd.proto.etcdserverpb.PutRequest;
import io.typedetcd.proto.etcdserverpb.PutResponse;
import io.typedetcd.proto.etcdserverpb.RangeRequest;
import io.typedetcd.proto.etcdserverpb.RangeResponse;
import io.typedetcd.proto.etcdserverpb.WatchCreateRequest;
import io.typedetcd.proto.etcdserverpb.WatchGrpc;
import io.typedetcd.proto.etcdserverpb.WatchRequest;
import io.typedetcd.proto.etcdserverpb.WatchResponse;
import io.typedetcd.proto.mvccpb.Event;
import io.typedetcd.testing.EtcdServer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Starts a throwaway etcd, then puts, gets and watches keys through the raw generated gRPC stubs of
 * our {@code proto} module, saying what happens in plain words.
 *
 * <pre>{@code scripts/demo.sh}</pre>
 */
public final class RawStubsDemo {
  private RawStubsDemo() {}

  public static void main(String[] args) throws Exception {
    try (EtcdServer etcd = EtcdServer.builder().name("demo").build()) {
      etcd.start();
      say("started a throwaway etcd at %s (data in %s)", etcd.endpoint(), etcd.dataDir());
      ManagedChannel channel =
          ManagedChannelBuilder.forAddress("127.0.0.1", etcd.clientPort()).usePlaintext().build();
      try {
        run(channel);
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    }
    say("stopped etcd and deleted its data directory; bye");
  }

  private static void run(ManagedChannel channel) throws InterruptedException {
    KVGrpc.KVBlockingStub kv = KVGrpc.newBlockingStub(channel);
    BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    CountDownLatch created = new CountDownLatch(1);
    WatchGrpc.newStub(channel)
        .watch(new EventCollector(created, events))
        .onNext(watchPrefix("/demo/"));
    // Wait for etcd to confirm the watch so that no put below is missed.
    if (!created.await(5, TimeUnit.SECONDS)) {
      throw new IllegalStateException("etcd did not confirm the watch on /demo/ within 5 s");
    }
    say("watching every key under /demo/");

    PutResponse first = kv.put(put("/demo/greeting", "hello, etcd"));
    say("put /demo/greeting = 'hello, etcd' at revision %d", first.getHeader().getRevision());
    PutResponse second =
        kv.put(put("/demo/greeting", "hello again").toBuilder().setPrevKv(true).build());
    say(
        "put /demo/greeting = 'hello again' at revision %d (it replaced '%s')",
        second.getHeader().getRevision(), second.getPrevKv().getValue().toStringUtf8());

    RangeResponse got = kv.range(RangeRequest.newBuilder().setKey(utf8("/demo/greeting")).build());
    say(
        "get /demo/greeting -> '%s' (version %d)",
        got.getKvs(0).getValue().toStringUtf8(), got.getKvs(0).getVersion());

    for (int i = 0; i < 2; i++) {
      Event event = events.poll(5, TimeUnit.SECONDS);
      if (event == null) {
        throw new IllegalStateException("the watch on /demo/ delivered no event within 5 s");
      }
      say(
          "watch on /demo/ saw %s %s = '%s' at revision %d",
          event.getType(),
          event.getKv().getKey().toStringUtf8(),
          event.getKv().getValue().toStringUtf8(),
          event.getKv().getModRevision());
    }
  }

  private static PutRequest put(String key, String value) {
    return PutRequest.newBuilder().setKey(utf8(key)).setValue(utf8(value)).build();
  }

  private static WatchRequest watchPrefix(String prefix) {
    byte[] end = prefix.getBytes(StandardCharsets.UTF_8);
    end[end.length - 1]++;
    return WatchRequest.newBuilder()
        .setCreateRequest(
            WatchCreateRequest.newBuilder()
                .setKey(utf8(prefix))
                .setRangeEnd(ByteString.copyFrom(end)))
        .build();
  }

  private static ByteString utf8(String s) {
    return ByteString.copyFromUtf8(s);
  }

  private static void say(String format, Object... args) {
    System.out.println("demo: " + String.format(format, args));
  }

  /** Signals the watch's creation and queues every event it delivers. */
  private static final class EventCollector implements StreamObserver<WatchResponse> {
    private final CountDownLatch created;
    private final BlockingQueue<Event> events;

    EventCollector(CountDownLatch created, BlockingQueue<Event> events) {
      this.created = created;
      this.events = events;
    }

    @Override
    public void onNext(WatchResponse response) {
      if (response.getCreated()) {
        created.countDown();
      }
      events.addAll(response.getEventsList());
    }

    @Override
    public void onError(Throwable t) {
      // The channel is shut down at the end of the demo, which cancels the stream.
    }

    @Override
    public void onCompleted() {}
  }
}
