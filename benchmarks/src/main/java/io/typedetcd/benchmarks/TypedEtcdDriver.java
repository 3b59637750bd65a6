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
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/** Our client. */
final class TypedEtcdDriver implements Driver {
  private static final GetOptions SERIALIZABLE = GetOptions.DEFAULT.withSerializable();

  private final EtcdClient client;
  private final KV kv;
  private final String name;

  /**
   * Our client with the executor named: {@code default} (the client's own), {@code inline} ({@code
   * executor(Runnable::run)}: completions on the network threads, for callers whose callbacks never
   * block), {@code cached} (a cached thread pool, the default before session 5), {@code forkJoin}
   * (a ForkJoinPool of one thread per core) or {@code commonPool}.
   */
  TypedEtcdDriver(String endpoint, String executor) {
    EtcdClientBuilder builder = EtcdClient.builder().endpoints(endpoint);
    int cores = Runtime.getRuntime().availableProcessors();
    switch (executor) {
      case "default" -> name = "typed-etcd";
      case "inline" -> {
        builder.executor(Runnable::run);
        name = "typed-etcd (inline executor)";
      }
      case "cached" -> {
        builder.executor(Executors.newCachedThreadPool(daemonThreads()));
        name = "typed-etcd (cached thread pool)";
      }
      case "forkJoin" -> {
        builder.executor(
            new ForkJoinPool(cores, ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, true));
        name = "typed-etcd (ForkJoinPool of " + cores + ")";
      }
      case "commonPool" -> {
        builder.executor(ForkJoinPool.commonPool());
        name = "typed-etcd (common pool)";
      }
      default ->
          throw new IllegalArgumentException(
              "unknown executor '"
                  + executor
                  + "'; use default, inline, cached, forkJoin or commonPool");
    }
    this.client = builder.build();
    this.kv = client.kv();
  }

  static ThreadFactory daemonThreads() {
    return r -> {
      Thread t = new Thread(r, "bench-cached");
      t.setDaemon(true);
      return t;
    };
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
