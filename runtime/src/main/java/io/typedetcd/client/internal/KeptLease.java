package io.typedetcd.client.internal;

import io.typedetcd.client.lease.KeepAlive;
import io.typedetcd.client.lease.KeepAliveListener;
import io.typedetcd.client.lease.LeaseLostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One lease kept alive by {@link KeepAliveStream}, with the handles that asked for it. Every field
 * is guarded by the stream's lock.
 */
final class KeptLease {
  private static final long MIN_INTERVAL = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long UNKNOWN_TTL_INTERVAL = TimeUnit.SECONDS.toNanos(1);

  final long id;
  final List<Handle> handles = new ArrayList<>();

  /** The TTL of the last refresh, 0 before the first. */
  long ttlNanos;

  /** When etcd has expired the lease unless a refresh succeeds before (nanoTime). */
  long deadline;

  /** Whether a refresh was sent and not answered yet, and since when. */
  boolean awaiting;

  long awaitingSince;
  @Nullable ScheduledFuture<?> sendTimer;
  @Nullable ScheduledFuture<?> deadlineTimer;

  KeptLease(long id, long deadline) {
    this.id = id;
    this.deadline = deadline;
  }

  /**
   * How long after a refresh the next is due, and how long one may stay unanswered before the
   * stream is presumed stuck: a third of the TTL, like clientv3, so two more tries fit in it.
   */
  long interval() {
    return ttlNanos == 0 ? UNKNOWN_TTL_INTERVAL : Math.max(ttlNanos / 3, MIN_INTERVAL);
  }

  /** Queues the terminal callback of every handle that has not had one. */
  void finishAll(@Nullable LeaseLostException lost, List<Runnable> out) {
    for (Handle h : handles) {
      if (!h.done) {
        h.done = true;
        out.add(() -> h.finish(lost));
      }
    }
  }

  void cancelTimers() {
    if (sendTimer != null) {
      sendTimer.cancel(false);
      sendTimer = null;
    }
    if (deadlineTimer != null) {
      deadlineTimer.cancel(false);
      deadlineTimer = null;
    }
  }

  /** What {@link io.typedetcd.client.lease.Lease#keepAlive} returns. */
  static final class Handle implements KeepAlive {
    final KeepAliveStream stream;
    final KeptLease lease;
    final KeepAliveListener listener;
    final CallbackQueue callbacks;

    /** A terminal callback was queued (guarded by the stream's lock). */
    boolean done;

    /** A terminal callback ran; only touched by callbacks, which run one at a time. */
    private boolean finished;

    Handle(KeepAliveStream stream, KeptLease lease, KeepAliveListener listener, CallbackQueue q) {
      this.stream = stream;
      this.lease = lease;
      this.listener = listener;
      this.callbacks = q;
    }

    @Override
    public long leaseId() {
      return lease.id;
    }

    @Override
    public void close() {
      stream.unsubscribe(this);
    }

    /** Queues onKeepAlive; dropped if a terminal callback got there first. */
    void alive(Duration ttl) {
      callbacks.execute(
          () -> {
            if (!finished) {
              listener.onKeepAlive(ttl);
            }
          });
    }

    /** Queues the one terminal callback. */
    void finish(@Nullable LeaseLostException lost) {
      callbacks.execute(
          () -> {
            if (!finished) {
              finished = true;
              if (lost != null) {
                listener.onLost(lost);
              } else {
                listener.onClosed();
              }
            }
          });
    }

    @Override
    public String toString() {
      return "KeepAlive{lease=" + lease.id + (done ? ", done" : "") + "}";
    }
  }
}
