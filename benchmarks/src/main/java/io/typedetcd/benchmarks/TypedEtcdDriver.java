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
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;

/** Our client. */
final class TypedEtcdDriver implements Driver {
  private static final GetOptions SERIALIZABLE = GetOptions.DEFAULT.withSerializable();

  private final EtcdClient client;
  private final KV kv;
  private final String name;

  /**
   * With {@code inline}, completions run on the network threads ({@code executor(Runnable::run)}):
   * no thread hop per response, for callers whose callbacks never block. Otherwise {@code
   * -DtypedExecutor=forkJoin} (a ForkJoinPool of one thread per core) or {@code commonPool}
   * replaces the client's default executor, a cached thread pool.
   */
  TypedEtcdDriver(String endpoint, boolean inline) {
    EtcdClientBuilder builder = EtcdClient.builder().endpoints(endpoint);
    String executor = System.getProperty("typedExecutor", "default");
    if (inline) {
      builder.executor(Runnable::run);
      name = "typed-etcd (inline executor)";
    } else if (executor.equals("forkJoin")) {
      int cores = Runtime.getRuntime().availableProcessors();
      builder.executor(
          new ForkJoinPool(cores, ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, true));
      name = "typed-etcd (ForkJoinPool of " + cores + ")";
    } else if (executor.equals("commonPool")) {
      builder.executor(ForkJoinPool.commonPool());
      name = "typed-etcd (common pool)";
    } else {
      name = "typed-etcd";
    }
    this.client = builder.build();
    this.kv = client.kv();
  }

  @Override
  public String name() {
    return name;
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
