package io.typedetcd.client.watch;

import com.google.protobuf.ByteString;
import java.util.concurrent.CompletableFuture;

/**
 * etcd's Watch service: a listener receives every change to a key or range, in revision order,
 * exactly once, across member failures.
 *
 * <pre>{@code
 * Watcher w = client.watch().watch("/config/", WatchOptions.DEFAULT.withPrefix(), batch -> {
 *   for (WatchEvent e : batch.events()) {
 *     System.out.println(e.type() + " " + e.kv().key() + " at " + e.kv().modRevision());
 *   }
 * });
 * ...
 * w.close();
 * }</pre>
 *
 * <p><b>Failures.</b> All watchers of a client share one gRPC stream, opened with etcd's
 * require-leader flag so that a member cut off from its leader drops it; a frozen member is left
 * once the client's keep-alive ({@code EtcdClientBuilder.keepAlive}) gives up on it. When the
 * stream fails for any reason (member killed or frozen, no leader, expired auth token) it is
 * reopened with backoff, on whichever member answers, until the watcher or the client is closed;
 * each watcher resumes from the revision after the last one it delivered (or after the revision at
 * which etcd first registered it), so no change is skipped or repeated. Besides {@link
 * Watcher#close()} (then {@link WatchListener#onClosed}), a watcher ends only with {@link
 * WatchListener#onError}: {@code CompactedException} (carrying etcd's compact revision) when the
 * revision it must resume from was compacted away, never a silent restart; {@code
 * PermissionDeniedException}; the client closing ("the client is closed"); a listener that threw;
 * or a slow listener.
 *
 * <p><b>Slow listeners.</b> Callbacks run on the client's executor, one at a time per watcher. A
 * slow listener never blocks the stream or other watchers: its batches wait in a queue bounded by
 * {@link WatchOptions#withMaxPendingBatches} (default 1000). When the queue is full the watcher is
 * cancelled, undelivered batches are dropped, and the listener gets an {@code EtcdException}
 * "listener too slow: N batches pending"; {@link Watcher#revision()} tells where to re-watch from.
 *
 * <p><b>Progress.</b> Progress notifications go to {@link WatchListener#onProgress}. Only the
 * periodic ones of {@link WatchOptions#withProgressNotify()} move a watcher's resume revision: etcd
 * releases without the fix of etcd issue 15220 (3.4.23 among them) may answer {@link
 * #requestProgress()} with a revision ahead of events still in flight, so there an on-demand
 * progress revision may precede events at or below it.
 */
public interface Watch {
  /** Watches one key from now on. */
  Watcher watch(String key, WatchListener listener);

  /** Watches a key or range, from now or from a start revision. */
  Watcher watch(String key, WatchOptions options, WatchListener listener);

  /** Watches a key or range given as bytes. */
  Watcher watch(ByteString key, WatchOptions options, WatchListener listener);

  /**
   * Asks etcd for a progress notification on the shared stream; completes with the revision it
   * reports (also passed to the {@code onProgress} of watchers it tells something new), or fails at
   * the call timeout.
   */
  CompletableFuture<Long> requestProgress();
}
