package io.typedetcd.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** One client under test, reduced to the operations the load phases need. */
interface Driver extends AutoCloseable {
  String name();

  CompletableFuture<?> put(String key, byte[] value);

  /** Reads one key and fails unless exactly one key-value came back. */
  CompletableFuture<?> get(String key, boolean serializable);

  /**
   * Watches every key under {@code prefix} from now on, calling {@code onKey} with each put key;
   * the future completes once the watch is registered.
   */
  CompletableFuture<AutoCloseable> watch(String prefix, Consumer<String> onKey);

  @Override
  void close();
}
