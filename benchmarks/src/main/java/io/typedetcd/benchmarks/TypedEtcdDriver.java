package io.typedetcd.benchmarks;

import com.google.protobuf.ByteString;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.client.kv.KV;
import io.typedetcd.client.kv.PutOptions;
import java.util.concurrent.CompletableFuture;

/** Our client. */
final class TypedEtcdDriver implements Driver {
  private static final GetOptions SERIALIZABLE = GetOptions.DEFAULT.withSerializable();

  private final EtcdClient client;
  private final KV kv;

  TypedEtcdDriver(String endpoint) {
    this.client = EtcdClient.builder().endpoints(endpoint).build();
    this.kv = client.kv();
  }

  @Override
  public String name() {
    return "typed-etcd";
  }

  @Override
  public CompletableFuture<?> put(String key, byte[] value) {
    return kv.put(ByteString.copyFromUtf8(key), ByteString.copyFrom(value), PutOptions.DEFAULT);
  }

  @Override
  public CompletableFuture<?> get(String key, boolean serializable) {
    return kv.get(key, serializable ? SERIALIZABLE : GetOptions.DEFAULT)
        .thenApply(
            r -> {
              if (r.kvs().size() != 1) {
                throw new IllegalStateException("got " + r.kvs().size() + " kvs for " + key);
              }
              return r;
            });
  }

  @Override
  public void close() {
    client.close();
  }
}
