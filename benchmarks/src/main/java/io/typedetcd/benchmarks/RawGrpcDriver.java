package io.typedetcd.benchmarks;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.typedetcd.proto.etcdserverpb.KVGrpc;
import io.typedetcd.proto.etcdserverpb.PutRequest;
import io.typedetcd.proto.etcdserverpb.RangeRequest;
import io.typedetcd.proto.etcdserverpb.RangeResponse;
import io.typedetcd.proto.etcdserverpb.WatchCreateRequest;
import io.typedetcd.proto.etcdserverpb.WatchGrpc;
import io.typedetcd.proto.etcdserverpb.WatchRequest;
import io.typedetcd.proto.etcdserverpb.WatchResponse;
import io.typedetcd.proto.mvccpb.Event;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The floor: our generated stubs on a plain channel, no retries, no mapping. */
final class RawGrpcDriver implements Driver {
  private final ManagedChannel channel;
  private final KVGrpc.KVStub kv;

  RawGrpcDriver(String endpoint) {
    URI uri = URI.create(endpoint);
    this.channel =
        ManagedChannelBuilder.forAddress(uri.getHost(), uri.getPort()).usePlaintext().build();
    this.kv = KVGrpc.newStub(channel);
  }

  @Override
  public String name() {
    return "raw grpc-java stubs";
  }

  @Override
  public CompletableFuture<?> put(String key, byte[] value) {
    CompletableFuture<Object> f = new CompletableFuture<>();
    kv.put(
        PutRequest.newBuilder()
            .setKey(ByteString.copyFromUtf8(key))
            .setValue(ByteString.copyFrom(value))
            .build(),
        observer(f));
    return f;
  }

  @Override
  public CompletableFuture<?> get(String key, boolean serializable) {
    CompletableFuture<Object> f = new CompletableFuture<>();
    kv.range(
        RangeRequest.newBuilder()
            .setKey(ByteString.copyFromUtf8(key))
            .setSerializable(serializable)
            .build(),
        observer(f));
    return f;
  }

  @Override
  public void checkOne(Object getResponse) {
    if (((RangeResponse) getResponse).getKvsCount() != 1) {
      throw new IllegalStateException("no kv");
    }
  }

  private static <T> StreamObserver<T> observer(CompletableFuture<Object> f) {
    return new StreamObserver<>() {
      @Override
      public void onNext(T value) {
        f.complete(value);
      }

      @Override
      public void onError(Throwable t) {
        f.completeExceptionally(t);
      }

      @Override
      public void onCompleted() {}
    };
  }

  @Override
  public CompletableFuture<AutoCloseable> watch(String prefix, Consumer<String> onKey) {
    CompletableFuture<AutoCloseable> created = new CompletableFuture<>();
    byte[] end = prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    end[end.length - 1]++;
    StreamObserver<WatchRequest> requests =
        WatchGrpc.newStub(channel)
            .watch(
                new StreamObserver<WatchResponse>() {
                  @Override
                  public void onNext(WatchResponse r) {
                    if (r.getCreated()) {
                      created.complete(() -> {});
                    }
                    for (Event e : r.getEventsList()) {
                      onKey.accept(e.getKv().getKey().toStringUtf8());
                    }
                  }

                  @Override
                  public void onError(Throwable t) {
                    created.completeExceptionally(t);
                  }

                  @Override
                  public void onCompleted() {}
                });
    requests.onNext(
        WatchRequest.newBuilder()
            .setCreateRequest(
                WatchCreateRequest.newBuilder()
                    .setKey(ByteString.copyFromUtf8(prefix))
                    .setRangeEnd(ByteString.copyFrom(end)))
            .build());
    return created.thenApply(c -> requests::onCompleted);
  }

  @Override
  public void close() {
    try {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
