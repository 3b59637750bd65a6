package io.typedetcd.client.watch;

import java.util.concurrent.CompletableFuture;

/**
 * One live watch; close it to stop watching.
 *
 * <pre>{@code
 * try (Watcher w = client.watch().watch("/jobs/", WatchOptions.DEFAULT.withPrefix(), listener)) {
 *   long since = Blocking.get(w.created()); // etcd has registered it: later changes will arrive
 *   ...
 * }
 * }</pre>
 */
public interface Watcher extends AutoCloseable {
  /**
   * Completes with etcd's store revision at the moment it first registered the watch: every later
   * change in range is delivered. Completes before the first {@code onEvents}; fails if the watcher
   * ends first. It has no deadline: while no member is reachable it stays pending.
   */
  CompletableFuture<Long> created();

  /**
   * The revision of the newest batch handed to the listener, 0 before any. Every change up to it
   * was delivered: a new watch from {@code revision() + 1} continues exactly where this one
   * stopped.
   */
  long revision();

  /**
   * Stops the watch: cancels it on etcd and drops undelivered batches. After this returns the
   * listener gets no further events; a callback already running may still finish, then {@code
   * onClosed} follows. Idempotent.
   */
  @Override
  void close();
}
