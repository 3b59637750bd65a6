package io.typedetcd.benchmarks;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.watch.WatchEvent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** The peer Java client, jetcd, with its defaults. */
final class JetcdDriver implements Driver {
  private static final GetOption SERIALIZABLE = GetOption.builder().withSerializable(true).build();

  private final Client client;
  private final KV kv;

  JetcdDriver(String endpoint) {
    this.client = Client.builder().endpoints(endpoint).build();
    this.kv = client.getKVClient();
  }

  @Override
  public String name() {
    return "jetcd 0.8.7";
  }

  @Override
  public CompletableFuture<?> put(String key, byte[] value) {
    return kv.put(ByteSequence.from(key, StandardCharsets.UTF_8), ByteSequence.from(value));
  }

  @Override
  public CompletableFuture<?> get(String key, boolean serializable) {
    ByteSequence k = ByteSequence.from(key, StandardCharsets.UTF_8);
    return serializable ? kv.get(k, SERIALIZABLE) : kv.get(k);
  }

  @Override
  public void checkOne(Object getResponse) {
    int n = ((io.etcd.jetcd.kv.GetResponse) getResponse).getKvs().size();
    if (n != 1) {
      throw new IllegalStateException("got " + n + " kvs");
    }
  }

  @Override
  public CompletableFuture<AutoCloseable> watch(String prefix, Consumer<String> onKey) {
    ByteSequence p = ByteSequence.from(prefix, StandardCharsets.UTF_8);
    CompletableFuture<AutoCloseable> created = new CompletableFuture<>();
    Watch.Watcher[] holder = new Watch.Watcher[1];
    holder[0] =
        client
            .getWatchClient()
            .watch(
                p,
                WatchOption.builder().isPrefix(true).withCreateNotify(true).build(),
                response -> {
                  if (response.isCreatedNotify()) {
                    created.complete(holder[0]);
                  }
                  for (WatchEvent e : response.getEvents()) {
                    onKey.accept(e.getKeyValue().getKey().toString(StandardCharsets.UTF_8));
                  }
                });
    return created;
  }

  @Override
  public void close() {
    client.close();
  }
}
