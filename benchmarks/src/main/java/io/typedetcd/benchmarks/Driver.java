package io.typedetcd.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** One client under test, reduced to the operations the load phases need. */
interface Driver extends AutoCloseable {
  String name();

  CompletableFuture<?> put(String key, byte[] value);

  /**
   * Reads one key; the response goes to {@link #checkOne} on the caller's side, so the check adds
   * no stage (for our client a stage on a call's future costs a hop to its executor).
   */
  CompletableFuture<?> get(String key, boolean serializable);

  /** Fails unless {@code getResponse}, what {@link #get} completed with, holds one key-value. */
  void checkOne(Object getResponse);

  /**
   * Watches every key under {@code prefix} from now on, calling {@code onKey} with each put key;
   * the future completes once the watch is registered.
   */
  CompletableFuture<AutoCloseable> watch(String prefix, Consumer<String> onKey);

  @Override
  void close();
}
