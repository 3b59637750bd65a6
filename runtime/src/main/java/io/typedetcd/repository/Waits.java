package io.typedetcd.repository;

import io.typedetcd.client.EtcdException;
import io.typedetcd.client.internal.Errors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Blocking waits for repository operations that run caller code (a change function, a transaction
 * body): the caller's own unchecked exception comes back as it was thrown, not wrapped; everything
 * else as the {@link EtcdException} it is, like {@link io.typedetcd.client.Blocking#get}.
 */
final class Waits {
  private Waits() {}

  static <T> T get(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EtcdException("interrupted while waiting for etcd", null, e);
    } catch (ExecutionException e) {
      Throwable t = Errors.unwrap(e);
      if (t instanceof RuntimeException r) {
        throw r;
      }
      if (t instanceof Error err) {
        throw err;
      }
      throw Errors.toEtcd(t, null, false, false);
    }
  }
}
