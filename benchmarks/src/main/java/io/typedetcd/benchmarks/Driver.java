package io.typedetcd.benchmarks;

import java.util.concurrent.CompletableFuture;

/** One client under test, reduced to the operations the load phases need. */
interface Driver extends AutoCloseable {
  String name();

  CompletableFuture<?> put(String key, byte[] value);

  /** Reads one key and fails unless exactly one key-value came back. */
  CompletableFuture<?> get(String key, boolean serializable);

  @Override
  void close();
}
