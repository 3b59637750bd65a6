package io.typedetcd.client.kv;

import com.google.protobuf.ByteString;
import java.util.concurrent.CompletableFuture;

/**
 * etcd's key-value store. Keys and values are UTF-8 strings or bytes; every call is async and ends
 * by the client's call timeout.
 *
 * <pre>{@code
 * KV kv = client.kv();
 * kv.put("/config/mode", "on").join();
 * GetResponse all = kv.get("/config/", GetOptions.DEFAULT.withPrefix()).join();
 * kv.delete("/config/mode").join();
 * }</pre>
 *
 * <p>Reads are retried on unavailability until the deadline; writes only when they provably did not
 * reach etcd, otherwise they fail with {@code OutcomeUnknownException}.
 */
public interface KV {
  CompletableFuture<PutResponse> put(String key, String value);

  CompletableFuture<PutResponse> put(String key, String value, PutOptions options);

  CompletableFuture<PutResponse> put(ByteString key, ByteString value, PutOptions options);

  CompletableFuture<GetResponse> get(String key);

  CompletableFuture<GetResponse> get(String key, GetOptions options);

  CompletableFuture<GetResponse> get(ByteString key, GetOptions options);

  CompletableFuture<DeleteResponse> delete(String key);

  CompletableFuture<DeleteResponse> delete(String key, DeleteOptions options);

  CompletableFuture<DeleteResponse> delete(ByteString key, DeleteOptions options);

  /** Drops history before {@code revision}; watches and reads older than it fail afterwards. */
  CompletableFuture<CompactResponse> compact(long revision);

  /**
   * Like {@link #compact(long)}; with {@code physical}, completes only once the space is actually
   * reclaimed on the server.
   */
  CompletableFuture<CompactResponse> compact(long revision, boolean physical);

  /** Starts a transaction. */
  Txn txn();

  /** Runs one operation (Go's {@code Do}). */
  CompletableFuture<OpResponse> execute(Op op);
}
