package io.typedetcd.repository;

import java.util.concurrent.CompletableFuture;

/**
 * A live typed watch; close it to stop.
 *
 * <pre>{@code
 * try (Subscription s = services.watchAll(listener)) {
 *   long since = Blocking.get(s.started()); // every change after `since` will be delivered
 *   ...
 * }
 * }</pre>
 */
public interface Subscription extends AutoCloseable {
  /**
   * Completes once etcd has registered the watch, with the revision after which every change is
   * delivered: the current revision, the start revision minus one, or with {@code
   * withInitialState()} the initial {@code Resync}'s revision. (When a start revision turns out to
   * be compacted, a {@code Resync} is delivered instead of its history.) Fails if the subscription
   * ends first.
   */
  CompletableFuture<Long> started();

  /** The revision of the newest event delivered; 0 before any. */
  long revision();

  /**
   * Stops watching. After this returns no further event is delivered; a callback already running
   * may finish, then {@code onClosed} follows. Idempotent.
   */
  @Override
  void close();
}
