package io.typedetcd.client.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.client.kv.KV;
import io.typedetcd.client.kv.PutOptions;
import io.typedetcd.proto.etcdserverpb.WatchCreateRequest;
import io.typedetcd.proto.etcdserverpb.WatchGrpc;
import io.typedetcd.proto.etcdserverpb.WatchRequest;
import io.typedetcd.proto.etcdserverpb.WatchResponse;
import io.typedetcd.testing.EtcdExtension;
import io.typedetcd.testing.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A revision larger than etcd sends in one message reaches the listener whole. */
class WatchFragmentIT {
  // etcd fragments responses above --max-request-bytes + 512 KiB; a small limit keeps that low.
  @RegisterExtension
  static final EtcdExtension etcd = EtcdExtension.builder().maxRequestBytes(64 * 1024).build();

  final String p = "/fragments/";

  @Test
  void aRevisionTooLargeForOneMessageArrivesAsOneBatch() throws Exception {
    try (EtcdClient client =
        EtcdClient.builder().endpoints(etcd.endpoint()).maxRequestBytes(64 * 1024).build()) {
      KV kv = client.kv();
      int keys = 24;
      ByteString big = ByteString.copyFrom(new byte[48 * 1024]);
      for (int i = 0; i < keys; i++) {
        Blocking.get(kv.put(ByteString.copyFromUtf8(p + i), big, PutOptions.DEFAULT));
      }
      Recorder r = new Recorder();
      WatchOptions options = WatchOptions.DEFAULT.withPrefix().withPrevKv().withFragment();
      try (Watcher w = client.watch().watch(p, options, r)) {
        Blocking.get(w.created());
        // One revision deleting every key: with the old values, far beyond one message.
        long deleted =
            Blocking.get(kv.delete(p, DeleteOptions.DEFAULT.withPrefix())).header().revision();
        r.awaitEvents(keys);
        assertThat(r.batches).hasSize(1);
        assertThat(r.batches.get(0).revision()).isEqualTo(deleted);
        for (WatchEvent e : r.events()) {
          assertThat(e.type()).isEqualTo(WatchEvent.Type.DELETE);
          assertThat(e.prevKv().valueBytes()).isEqualTo(big);
        }
        // etcd really split that revision: a raw stream replaying it gets several responses.
        assertThat(rawResponses(p, deleted)).hasSizeGreaterThan(1);
      }
    }
  }

  /** The responses etcd sends a raw fragmenting watch replaying {@code revision}. */
  private List<WatchResponse> rawResponses(String prefix, long revision) throws Exception {
    ManagedChannel channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", etcd.server().clientPort())
            .usePlaintext()
            .build();
    try {
      List<WatchResponse> got = new CopyOnWriteArrayList<>();
      StreamObserver<WatchRequest> requests =
          WatchGrpc.newStub(channel)
              .watch(
                  new StreamObserver<>() {
                    @Override
                    public void onNext(WatchResponse value) {
                      if (!value.getCreated()) {
                        got.add(value);
                      }
                    }

                    @Override
                    public void onError(Throwable t) {}

                    @Override
                    public void onCompleted() {}
                  });
      ByteString key = ByteString.copyFromUtf8(prefix);
      requests.onNext(
          WatchRequest.newBuilder()
              .setCreateRequest(
                  WatchCreateRequest.newBuilder()
                      .setKey(key)
                      .setRangeEnd(
                          ByteString.copyFromUtf8(prefix.substring(0, prefix.length() - 1) + "0"))
                      .setStartRevision(revision)
                      .setPrevKv(true)
                      .setFragment(true))
              .build());
      Eventually.until(
          Duration.ofSeconds(10),
          () -> "raw fragments " + got.size(),
          () -> !got.isEmpty() && !got.get(got.size() - 1).getFragment());
      requests.onCompleted();
      return got;
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
