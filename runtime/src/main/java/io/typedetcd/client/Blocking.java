package io.typedetcd.client;

import io.typedetcd.client.internal.Errors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Waits for an async result the way a blocking caller wants it: the value, or the {@link
 * EtcdException} that failed it (not a wrapper), with the interrupt flag kept.
 *
 * <pre>{@code
 * GetResponse r = Blocking.get(client.kv().get("/config/mode"));
 * }</pre>
 */
public final class Blocking {
  private Blocking() {}

  /**
   * The future's value. Calls end by the client's call timeout, so this does too, except for calls
   * that wait by design (lock, campaign) without a timeout of their own.
   */
  public static <T> T get(CompletableFuture<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EtcdException("interrupted while waiting for etcd", null, e);
    } catch (ExecutionException e) {
      throw Errors.toEtcd(e, null, false, false);
    }
  }
}
