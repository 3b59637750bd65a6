package io.typedetcd.client.watch;

import io.typedetcd.client.EtcdException;

/**
 * Receives one watcher's changes. Callbacks run on the client's executor, one at a time and in
 * order for a watcher (different watchers run concurrently), and must not block for long: batches
 * queue up meanwhile and a full queue ends the watcher (see {@link Watch}).
 *
 * <pre>{@code
 * WatchListener listener = new WatchListener() {
 *   public void onEvents(WatchBatch batch) { apply(batch.events()); }
 *   public void onError(EtcdException e) { rewatchFromScratch(); }
 * };
 * }</pre>
 *
 * <p>Every watcher ends with exactly one call of {@link #onError} or {@link #onClosed}, which is
 * its last callback. A callback that throws ends the watcher with {@code onError}.
 */
@FunctionalInterface
public interface WatchListener {
  /** Changes of one etcd response, never empty, never repeating an earlier revision. */
  void onEvents(WatchBatch batch);

  /**
   * etcd reports it has sent every change up to {@code revision}: periodically with {@code
   * withProgressNotify()}, or after {@link Watch#requestProgress()} (mind the caveat in {@link
   * Watch}). Revisions only increase and are never below the last batch delivered.
   */
  default void onProgress(long revision) {}

  /**
   * The watcher ended and will deliver nothing more: {@code CompactedException} when the history it
   * needs is gone, {@code PermissionDeniedException}, a listener too slow (see {@link Watch}) or
   * one that threw (the cause), or the client closing. By default the error is logged at WARNING.
   */
  default void onError(EtcdException error) {
    System.getLogger(WatchListener.class.getName())
        .log(System.Logger.Level.WARNING, "watch ended: " + error.getMessage(), error);
  }

  /** The watcher ended because {@link Watcher#close()} was called. */
  default void onClosed() {}
}
