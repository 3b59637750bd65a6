package io.typedetcd.client.internal;

import com.google.protobuf.ByteString;
import io.typedetcd.client.AuthenticationException;
import io.typedetcd.client.DeadlineExceededException;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.watch.Watch;
import io.typedetcd.client.watch.WatchBatch;
import io.typedetcd.client.watch.WatchListener;
import io.typedetcd.client.watch.WatchOptions;
import io.typedetcd.client.watch.Watcher;
import io.typedetcd.proto.etcdserverpb.WatchCreateRequest;
import io.typedetcd.proto.etcdserverpb.WatchResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * {@link Watch} over the client's one {@link WatchStream}, multiplexing every watcher on it.
 *
 * <p>etcd answers creates in the order it receives them, so answers are matched to watchers first
 * in, first out, and later responses are routed by the watch id the answer carried. When a stream
 * attempt ends, ids mean nothing any more: every live watcher is created again on the next one,
 * from its {@link WatchCursor}. Listener code never runs under the lock.
 */
final class WatchImpl implements Watch, WatchStream.Handler {
  private final Rpc rpc;
  private final Namespace ns;
  private final WatchStream stream;
  private final Object lock;
  private final Set<WatcherImpl> live = new LinkedHashSet<>();
  private final ArrayDeque<WatcherImpl> creates = new ArrayDeque<>(); // awaiting "created"
  private final Map<Long, WatcherImpl> byId = new HashMap<>();
  private final WatchProgress progress;
  private boolean closed;

  WatchImpl(Rpc rpc, Namespace ns) {
    this.rpc = rpc;
    this.ns = ns;
    this.stream = new WatchStream(rpc, this);
    this.lock = stream.lock;
    this.progress = new WatchProgress(rpc.executor());
  }

  Executor executor() {
    return rpc.executor();
  }

  @Override
  public Watcher watch(String key, WatchListener listener) {
    return watch(key, WatchOptions.DEFAULT, listener);
  }

  @Override
  public Watcher watch(String key, WatchOptions options, WatchListener listener) {
    return watch(ByteString.copyFromUtf8(Objects.requireNonNull(key, "key")), options, listener);
  }

  @Override
  public Watcher watch(ByteString key, WatchOptions options, WatchListener listener) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(listener, "listener");
    WatchCreateRequest r = options.toRequest(key);
    WatchCreateRequest namespaced =
        r.toBuilder().setKey(ns.add(r.getKey())).setRangeEnd(ns.addEnd(r.getRangeEnd())).build();
    WatcherImpl w =
        new WatcherImpl(
            this, namespaced, key.toStringUtf8(), ns, listener, options.maxPendingBatches());
    synchronized (lock) {
      if (!closed) {
        live.add(w);
        if (stream.isOpen()) {
          sendCreate(w);
        } else {
          stream.ensureOpen();
        }
        return w;
      }
    }
    w.delivery.finish(new EtcdException("the client is closed", w.key, null), true);
    return w;
  }

  @Override
  public CompletableFuture<Long> requestProgress() {
    CompletableFuture<Long> f = new CompletableFuture<>();
    synchronized (lock) {
      if (closed) {
        f.completeExceptionally(new EtcdException("the client is closed"));
        return f;
      }
      progress.add(f, stream.isOpen());
      if (stream.isOpen()) {
        stream.sendProgress();
      } else {
        stream.ensureOpen();
      }
    }
    try {
      long timeout = rpc.config().callTimeout().toNanos();
      rpc.scheduler().schedule(() -> progressTimedOut(f), timeout, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      WatchProgress.complete(executor(), f, null, new EtcdException("the client is closed"));
    }
    return f.copy();
  }

  private void progressTimedOut(CompletableFuture<Long> f) {
    EtcdException e =
        new DeadlineExceededException(
            "etcd sent no progress notification within the call timeout", null, null);
    WatchProgress.complete(executor(), f, null, e);
    synchronized (lock) {
      stream.closeIfIdle();
    }
  }

  /** Called once when the client closes, before the channel shuts down. */
  void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      stream.shutdown();
      for (WatcherImpl w : new ArrayList<>(live)) {
        end(w, new EtcdException("the client is closed", w.key, null), true);
      }
      progress.failAll(new EtcdException("the client is closed"));
    }
  }

  /** {@link Watcher#close()}, or its listener threw (its delivery has ended it already). */
  void close(WatcherImpl w) {
    synchronized (lock) {
      end(w, null, true);
    }
  }

  // ---- everything below runs under the lock ----

  private void end(WatcherImpl w, @Nullable EtcdException error, boolean dropPending) {
    if (w.ended) {
      return;
    }
    w.ended = true;
    live.remove(w);
    if (w.watchId != WatcherImpl.NO_ID) {
      byId.remove(w.watchId);
      stream.sendCancel(w.watchId);
      w.watchId = WatcherImpl.NO_ID;
    } // else a create in flight is cancelled when its answer comes
    w.delivery.finish(error, dropPending);
    stream.closeIfIdle();
  }

  private void sendCreate(WatcherImpl w) {
    creates.add(w);
    stream.sendCreate(w.createRequest());
  }

  @Override
  public boolean needed() {
    return !live.isEmpty() || progress.anyWaiting();
  }

  @Override
  public void opened() {
    for (WatcherImpl w : live) {
      sendCreate(w);
    }
    for (int i = progress.reopened(); i > 0; i--) {
      stream.sendProgress();
    }
  }

  @Override
  public void lost() {
    creates.clear();
    byId.clear();
    progress.lost();
    for (WatcherImpl w : live) {
      w.watchId = WatcherImpl.NO_ID;
      w.cursor.reset();
    }
  }

  @Override
  public void refreshFailed(Throwable error) {
    EtcdException e = Errors.toEtcd(error, null, false, false);
    for (WatcherImpl w : new ArrayList<>(live)) {
      if (e instanceof AuthenticationException && w.authRetried) {
        end(w, e, false); // the credentials themselves are refused
      }
      w.authRetried = false; // otherwise refresh again on the next denial
    }
  }

  @Override
  public void message(WatchResponse r) {
    if (r.getCreated()) {
      created(r);
      return;
    }
    long id = r.getWatchId();
    if (id == WatcherImpl.NO_ID) {
      progressAnswered(r.getHeader().getRevision());
      return;
    }
    WatcherImpl w = byId.get(id);
    if (w == null) {
      return; // a watcher closed meanwhile: late events or the acknowledgement of its cancel
    }
    if (r.getCanceled()) {
      byId.remove(id);
      w.watchId = WatcherImpl.NO_ID;
      end(w, w.refusal(r), false);
    } else if (w.cursor.hasEvents(r)) {
      WatchBatch batch = w.cursor.events(r);
      if (batch != null && !w.delivery.offer(batch)) {
        end(w, w.delivery.overflow(w.key), true);
      }
    } else {
      long revision = w.cursor.progress(r.getHeader().getRevision(), true);
      if (revision > 0) {
        w.delivery.progress(revision);
      }
    }
  }

  private void created(WatchResponse r) {
    WatcherImpl w = creates.poll();
    if (w == null) {
      stream.restart("etcd answered a watch create that was not sent", false);
      return;
    }
    if (r.getCanceled()) {
      if (w.ended) {
        return;
      }
      String reason = Errors.watchCancelReason(r.getCancelReason());
      if (!w.authRetried && Errors.isWatchTokenProblem(reason, rpc.tokens() != null)) {
        w.authRetried = true;
        stream.restart("refreshing the auth token", true);
        return;
      }
      end(w, w.refusal(r), false);
      if (reason.equals(Errors.PERMISSION_DENIED)) {
        stream.restart("etcd 3.4 reads nothing more from a stream after a denied watch", false);
      }
      return;
    }
    if (w.ended) {
      stream.sendCancel(r.getWatchId());
      return;
    }
    stream.healthy();
    w.authRetried = false;
    w.watchId = r.getWatchId();
    byId.put(w.watchId, w);
    long revision = r.getHeader().getRevision();
    w.cursor.created(revision);
    if (!w.registered) {
      w.registered = true;
      w.delivery.created(revision);
    }
  }

  private void progressAnswered(long revision) {
    progress.answered(revision);
    // Delivered, but not trusted for resuming: see the Watch Javadoc on etcd issue 15220.
    for (WatcherImpl w : new ArrayList<>(byId.values())) {
      long reported = w.cursor.progress(revision, false);
      if (reported > 0) {
        w.delivery.progress(reported);
      }
    }
    stream.closeIfIdle();
  }
}
