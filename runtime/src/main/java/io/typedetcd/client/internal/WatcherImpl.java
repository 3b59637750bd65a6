package io.typedetcd.client.internal;

import io.typedetcd.client.EtcdException;
import io.typedetcd.client.watch.WatchListener;
import io.typedetcd.client.watch.Watcher;
import io.typedetcd.proto.etcdserverpb.WatchCreateRequest;
import io.typedetcd.proto.etcdserverpb.WatchResponse;
import java.util.concurrent.CompletableFuture;

/** One watcher: what it watches, where it is in history, and its delivery queue. */
final class WatcherImpl implements Watcher {
  static final long NO_ID = -1;

  final WatchImpl owner;
  final WatchCreateRequest request; // namespaced; its start revision is replaced on each create
  final String key; // as the caller named it, for errors
  final WatchCursor cursor;
  final WatchDelivery delivery;
  private final CompletableFuture<Long> created = new CompletableFuture<>();

  // Guarded by the owner's lock.
  long watchId = NO_ID; // etcd's id on the current stream, once created
  boolean ended; // closed or failed: never re-created
  boolean registered; // etcd answered a create at least once
  boolean authRetried; // a permission denial already led to a token refresh

  WatcherImpl(
      WatchImpl owner,
      WatchCreateRequest request,
      String key,
      Namespace ns,
      WatchListener listener,
      int maxPending) {
    this.owner = owner;
    this.request = request;
    this.key = key;
    this.cursor = new WatchCursor(ns, request.getStartRevision());
    this.delivery =
        new WatchDelivery(owner.executor(), listener, created, maxPending, e -> owner.close(this));
  }

  /** The create request for the current position in history. */
  WatchCreateRequest createRequest() {
    return request.toBuilder().setStartRevision(cursor.resumeRevision()).build();
  }

  /** What the listener gets when etcd refuses or cancels this watch. */
  EtcdException refusal(WatchResponse r) {
    String reason = Errors.watchCancelReason(r.getCancelReason());
    return Errors.watchCanceled(reason, r.getCompactRevision(), key, cursor.resumeRevision());
  }

  @Override
  public CompletableFuture<Long> created() {
    return created.copy(); // callers cannot complete ours
  }

  @Override
  public long revision() {
    return delivery.delivered();
  }

  @Override
  public void close() {
    owner.close(this);
  }

  @Override
  public String toString() {
    return "Watcher{" + key + ", id=" + watchId + ", next=" + cursor.resumeRevision() + "}";
  }
}
