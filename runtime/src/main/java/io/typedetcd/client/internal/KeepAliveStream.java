package io.typedetcd.client.internal;

import io.grpc.ClientCall;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.UnavailableException;
import io.typedetcd.client.lease.KeepAlive;
import io.typedetcd.client.lease.KeepAliveListener;
import io.typedetcd.client.lease.LeaseLostException;
import io.typedetcd.client.lease.LeaseLostReason;
import io.typedetcd.proto.etcdserverpb.LeaseGrpc;
import io.typedetcd.proto.etcdserverpb.LeaseKeepAliveRequest;
import io.typedetcd.proto.etcdserverpb.LeaseKeepAliveResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The client's one LeaseKeepAlive stream, shared by every kept-alive lease.
 *
 * <p>Each lease is refreshed a third of its TTL after its last answer. A lease is lost only when
 * etcd answers TTL <= 0 or its deadline (last answer + TTL) passes; anything wrong with the stream
 * (closed by a leader change or a dying member, a stale token, no answer within the refresh
 * interval, as from a frozen member) only reopens it, with backoff. The stream is open while some
 * lease is kept alive.
 */
final class KeepAliveStream extends ReopeningStream<LeaseKeepAliveRequest, LeaseKeepAliveResponse> {
  private final Map<Long, KeptLease> leases = new HashMap<>();
  private @Nullable Throwable lastError;
  private boolean closed;

  KeepAliveStream(Rpc rpc) {
    super(rpc, LeaseGrpc.getLeaseKeepAliveMethod());
  }

  KeepAlive add(long id, KeepAliveListener listener) {
    KeptLease.Handle handle;
    synchronized (this) {
      if (closed || rpc.isClosed()) {
        throw new EtcdException("the client is closed", null, null);
      }
      KeptLease lease = leases.get(id);
      boolean fresh = lease == null;
      if (fresh) {
        // Until the first answer we know no TTL: give etcd a call timeout to confirm the lease.
        lease = new KeptLease(id, System.nanoTime() + rpc.config().callTimeout().toNanos());
        leases.put(id, lease);
        armDeadline(lease);
      }
      handle = new KeptLease.Handle(this, lease, listener, new CallbackQueue(rpc.executor()));
      lease.handles.add(handle);
      if (fresh && call() != null) {
        send(lease);
      } else if (fresh && !reopening()) {
        open(); // sends every lease
      }
    }
    return handle;
  }

  /** Refreshes the lease now (after our own revoke, so its holders hear at once). */
  synchronized void poke(long id) {
    KeptLease lease = leases.get(id);
    if (lease != null && !closed) {
      send(lease);
    }
  }

  void unsubscribe(KeptLease.Handle handle) {
    synchronized (this) {
      if (handle.done) {
        return;
      }
      handle.done = true;
      KeptLease lease = handle.lease;
      lease.handles.remove(handle);
      if (lease.handles.isEmpty() && leases.get(lease.id) == lease) {
        forget(lease);
      }
    }
    handle.finish(null);
  }

  /** The client is closing: stop everything; every listener hears onClosed. */
  void close() {
    List<Runnable> out = new ArrayList<>();
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      for (KeptLease lease : leases.values()) {
        lease.cancelTimers();
        lease.finishAll(null, out);
      }
      leases.clear();
      stop("the client is closing");
    }
    out.forEach(Runnable::run);
  }

  // ---- the stream (under the lock) ----

  @Override
  boolean wanted() {
    return !closed && !leases.isEmpty();
  }

  @Override
  void opened(ClientCall<LeaseKeepAliveRequest, LeaseKeepAliveResponse> call) {
    for (KeptLease lease : leases.values()) {
      lease.awaiting = false; // answers on the old stream are not coming any more
      send(lease);
    }
  }

  @Override
  void message(LeaseKeepAliveResponse response, List<Runnable> out) {
    lastError = null;
    KeptLease lease = leases.get(response.getID());
    if (lease == null) {
      return; // stopped meanwhile
    }
    if (response.getTTL() <= 0) {
      lose(
          lease,
          LeaseLostReason.NOT_FOUND,
          "etcd says it does not exist (expired or revoked)",
          out);
      return;
    }
    lease.ttlNanos = TimeUnit.SECONDS.toNanos(response.getTTL());
    lease.deadline = System.nanoTime() + lease.ttlNanos;
    lease.awaiting = false;
    armDeadline(lease);
    armSend(lease, lease.interval());
    Duration ttl = Duration.ofSeconds(response.getTTL());
    for (KeptLease.Handle h : lease.handles) {
      out.add(() -> h.alive(ttl));
    }
  }

  @Override
  boolean failed(Throwable error, List<Runnable> out) {
    lastError = Errors.toEtcd(error, null, false, false);
    return true; // only a lease's deadline ends keeping it alive
  }

  private void send(KeptLease lease) {
    ClientCall<LeaseKeepAliveRequest, LeaseKeepAliveResponse> c = call();
    if (c == null) {
      return; // a reopen is due and will send it
    }
    c.sendMessage(LeaseKeepAliveRequest.newBuilder().setID(lease.id).build());
    if (!lease.awaiting) {
      lease.awaiting = true;
      lease.awaitingSince = System.nanoTime();
    }
    armSend(lease, lease.interval());
  }

  private void forget(KeptLease lease) {
    leases.remove(lease.id);
    lease.cancelTimers();
    if (leases.isEmpty()) {
      stop("no lease left to keep alive");
    }
  }

  private void lose(KeptLease lease, LeaseLostReason reason, String why, List<Runnable> out) {
    forget(lease);
    Throwable cause = reason == LeaseLostReason.TIMED_OUT ? lastError : null;
    lease.finishAll(
        new LeaseLostException("lease " + lease.id + " is lost: " + why, lease.id, reason, cause),
        out);
  }

  // ---- timers ----

  private void armSend(KeptLease lease, long delayNanos) {
    if (lease.sendTimer != null) {
      lease.sendTimer.cancel(false);
    }
    lease.sendTimer =
        rpc.scheduler().schedule(() -> sendDue(lease), delayNanos, TimeUnit.NANOSECONDS);
  }

  private void armDeadline(KeptLease lease) {
    if (lease.deadlineTimer != null) {
      lease.deadlineTimer.cancel(false);
    }
    long delay = Math.max(0, lease.deadline - System.nanoTime());
    lease.deadlineTimer =
        rpc.scheduler().schedule(() -> deadlineDue(lease), delay, TimeUnit.NANOSECONDS);
  }

  private synchronized void sendDue(KeptLease lease) {
    if (closed || leases.get(lease.id) != lease || call() == null) {
      return; // gone, or a reopen is due and will send it
    }
    long unanswered = System.nanoTime() - lease.awaitingSince;
    if (lease.awaiting && unanswered >= lease.interval()) {
      String why = "no keep-alive answer in " + TimeUnit.NANOSECONDS.toMillis(unanswered) + " ms";
      lastError = new UnavailableException(why, null, null);
      restart(why + ": reopening the stream"); // a frozen member, or one without a leader
      return;
    }
    send(lease);
  }

  private void deadlineDue(KeptLease lease) {
    List<Runnable> out = new ArrayList<>();
    synchronized (this) {
      if (closed || leases.get(lease.id) != lease) {
        return;
      }
      if (lease.deadline - System.nanoTime() > 0) {
        armDeadline(lease); // a refresh moved it while this timer was firing
        return;
      }
      String why =
          lease.ttlNanos == 0
              ? "etcd did not confirm it within the call timeout of " + rpc.config().callTimeout()
              : "no keep-alive succeeded within its TTL of "
                  + Duration.ofNanos(lease.ttlNanos)
                  + " since the last one; etcd has expired it";
      lose(lease, LeaseLostReason.TIMED_OUT, why, out);
    }
    out.forEach(Runnable::run);
  }
}
