package io.typedetcd.benchmarks;

import com.google.protobuf.ByteString;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.EtcdClientBuilder;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.client.kv.GetResponse;
import io.typedetcd.client.kv.KV;
import io.typedetcd.client.kv.PutOptions;
import io.typedetcd.client.watch.WatchEvent;
import io.typedetcd.client.watch.WatchOptions;
import io.typedetcd.client.watch.Watcher;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Our client. */
final class TypedEtcdDriver implements Driver {
  private static final GetOptions SERIALIZABLE = GetOptions.DEFAULT.withSerializable();

  private final EtcdClient client;
  private final KV kv;
  private final boolean inline;

  /**
   * With {@code inline}, completions run on the network threads ({@code executor(Runnable::run)}):
   * no thread hop per response, for callers whose callbacks never block.
   */
  TypedEtcdDriver(String endpoint, boolean inline) {
    EtcdClientBuilder builder = EtcdClient.builder().endpoints(endpoint);
    if (inline) {
      builder.executor(Runnable::run);
    }
    this.client = builder.build();
    this.kv = client.kv();
    this.inline = inline;
  }

  @Override
  public String name() {
    return inline ? "typed-etcd (inline executor)" : "typed-etcd";
  }

  @Override
  public CompletableFuture<?> put(String key, byte[] value) {
    return kv.put(ByteString.copyFromUtf8(key), ByteString.copyFrom(value), PutOptions.DEFAULT);
  }

  @Override
  public CompletableFuture<?> get(String key, boolean serializable) {
    return kv.get(key, serializable ? SERIALIZABLE : GetOptions.DEFAULT);
  }

  @Override
  public void checkOne(Object getResponse) {
    int n = ((GetResponse) getResponse).kvs().size();
    if (n != 1) {
      throw new IllegalStateException("got " + n + " kvs");
    }
  }

  @Override
  public CompletableFuture<AutoCloseable> watch(String prefix, Consumer<String> onKey) {
    Watcher w =
        client
            .watch()
            .watch(
                prefix,
                WatchOptions.DEFAULT.withPrefix(),
                batch -> {
                  for (WatchEvent e : batch.events()) {
                    onKey.accept(e.kv().key());
                  }
                });
    return w.created().thenApply(rev -> w);
  }

  @Override
  public void close() {
    client.close();
  }
}
