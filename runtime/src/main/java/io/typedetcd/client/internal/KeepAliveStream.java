package io.typedetcd.client.internal;

import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The client's one LeaseKeepAlive stream, shared by every kept-alive lease.
 *
 * <p>Each lease is refreshed a third of its TTL after its last answer. A lease is lost only when
 * etcd answers TTL <= 0 or its deadline (last answer + TTL) passes; anything wrong with the stream
 * (closed by a leader change or a dying member, a stale token, no answer within the refresh
 * interval, as from a frozen member) only reopens it, with backoff. State lives under this
 * object's lock; listeners are called after it is released, on the client's executor.
 */
final class KeepAliveStream {
  private final Rpc rpc;
  private final Map<Long, KeptLease> leases = new HashMap<>();
  private @Nullable ClientCall<LeaseKeepAliveRequest, LeaseKeepAliveResponse> call;
  private @Nullable ScheduledFuture<?> reopen;
  private boolean reopening;
  private int failures;
  private @Nullable EtcdException lastError;
  private boolean closed;

  KeepAliveStream(Rpc rpc) {
    this.rpc = rpc;
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
      if (fresh) {
        if (call != null) {
          send(lease);
        } else if (!reopening) {
          open();
        }
      }
    }
    return handle;
  }

  /** Refreshes the lease now (after our own revoke, so its holders hear at once). */
  synchronized void poke(long id) {
    KeptLease lease = leases.get(id);
    if (lease != null && call != null && !closed) {
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
        for (KeptLease.Handle h : lease.handles) {
          h.done = true;
          out.add(() -> h.finish(null));
        }
      }
      leases.clear();
      stopCall("the client is closing");
    }
    out.forEach(Runnable::run);
  }

  // ---- under the lock ----

  private void open() {
    reopening = false;
    reopen = null;
    if (closed || leases.isEmpty() || call != null) {
      return;
    }
    ClientCall<LeaseKeepAliveRequest, LeaseKeepAliveResponse> c =
        rpc.channel().newCall(LeaseGrpc.getLeaseKeepAliveMethod(), rpc.streamOptions());
    AuthTokens tokens = rpc.tokens();
    String token = tokens == null ? null : tokens.current();
    call = c;
    try {
      c.start(new Listener(c, token), new Metadata());
      c.request(Integer.MAX_VALUE); // etcd answers only what we send: no flow control needed
    } catch (RuntimeException e) {
      call = null;
      c.cancel("failed to start", e);
      lastError = Errors.toEtcd(e, null, false, false);
      scheduleReopen();
      return;
    }
    for (KeptLease lease : leases.values()) {
      lease.awaiting = false; // answers on the old stream are not coming any more
      send(lease);
    }
  }

  private void send(KeptLease lease) {
    ClientCall<LeaseKeepAliveRequest, LeaseKeepAliveResponse> c = call;
    if (c == null) {
      return;
    }
    c.sendMessage(LeaseKeepAliveRequest.newBuilder().setID(lease.id).build());
    if (!lease.awaiting) {
      lease.awaiting = true;
      lease.awaitingSince = System.nanoTime();
    }
    armSend(lease, lease.interval());
  }

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

  private void scheduleReopen() {
    reopening = true;
    failures++;
    reopen =
        rpc.scheduler()
            .schedule(
                () -> {
                  synchronized (this) {
                    open();
                  }
                },
                rpc.backoffNanos(failures),
                TimeUnit.NANOSECONDS);
  }

  /** Drops the current call and reopens after a backoff. */
  private void restart(String why) {
    lastError = new UnavailableException(why, null, null);
    ClientCall<LeaseKeepAliveRequest, LeaseKeepAliveResponse> old = call;
    call = null;
    if (old != null) {
      old.cancel(why, null);
    }
    scheduleReopen();
  }

  private void stopCall(String why) {
    ClientCall<LeaseKeepAliveRequest, LeaseKeepAliveResponse> old = call;
    call = null;
    if (reopen != null) {
      reopen.cancel(false);
      reopen = null;
    }
    reopening = false;
    failures = 0;
    if (old != null) {
      old.cancel(why, null);
    }
  }

  private void forget(KeptLease lease) {
    leases.remove(lease.id);
    lease.cancelTimers();
    if (leases.isEmpty()) {
      stopCall("no lease left to keep alive");
    }
  }

  private void lose(KeptLease lease, LeaseLostReason reason, String why, List<Runnable> out) {
    forget(lease);
    LeaseLostException lost =
        new LeaseLostException(
            "lease " + lease.id + " is lost: " + why,
            lease.id,
            reason,
            reason == LeaseLostReason.TIMED_OUT ? lastError : null);
    for (KeptLease.Handle h : lease.handles) {
      if (!h.done) {
        h.done = true;
        out.add(() -> h.finish(lost));
      }
    }
  }

  // ---- events: timers and the call ----

  private synchronized void sendDue(KeptLease lease) {
    if (closed || leases.get(lease.id) != lease || call == null) {
      return; // gone, or a reopen is pending and will send it
    }
    long unanswered = System.nanoTime() - lease.awaitingSince;
    if (lease.awaiting && unanswered >= lease.interval()) {
      restart(
          "no keep-alive answer from etcd in "
              + TimeUnit.NANOSECONDS.toMillis(unanswered)
              + " ms: reopening the stream");
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
              ? "etcd did not confirm it within the call timeout of "
                  + rpc.config().callTimeout()
              : "no keep-alive succeeded within its TTL of "
                  + Duration.ofNanos(lease.ttlNanos)
                  + " since the last one; etcd has expired it";
      lose(lease, LeaseLostReason.TIMED_OUT, why, out);
    }
    out.forEach(Runnable::run);
  }

  private void onResponse(ClientCall<?, ?> c, LeaseKeepAliveResponse response) {
    List<Runnable> out = new ArrayList<>();
    synchronized (this) {
      if (c != call || closed) {
        return;
      }
      failures = 0;
      lastError = null;
      KeptLease lease = leases.get(response.getID());
      if (lease == null) {
        return; // stopped meanwhile
      }
      if (response.getTTL() <= 0) {
        lose(lease, LeaseLostReason.NOT_FOUND, "etcd says it does not exist (expired or revoked)", out);
      } else {
        long now = System.nanoTime();
        lease.ttlNanos = TimeUnit.SECONDS.toNanos(response.getTTL());
        lease.deadline = now + lease.ttlNanos;
        lease.awaiting = false;
        armDeadline(lease);
        armSend(lease, lease.interval());
        Duration ttl = Duration.ofSeconds(response.getTTL());
        for (KeptLease.Handle h : lease.handles) {
          out.add(() -> h.alive(ttl));
        }
      }
    }
    out.forEach(Runnable::run);
  }

  private void onCallClosed(ClientCall<?, ?> c, @Nullable String token, Status status) {
    AuthTokens tokens = rpc.tokens();
    synchronized (this) {
      if (c != call || closed) {
        return;
      }
      call = null;
      lastError = Errors.toEtcd(status.asRuntimeException(), null, false, false);
      if (leases.isEmpty()) {
        return;
      }
      if (tokens == null || !Errors.isInvalidToken(status)) {
        scheduleReopen(); // whatever closed it (even OK), the leases still need refreshing
        return;
      }
      reopening = true;
    }
    tokens
        .refresh(token)
        .whenComplete(
            (fresh, error) -> {
              synchronized (this) {
                if (!closed) {
                  scheduleReopen();
                }
              }
            });
  }

  /** Events of one call; those of a call we already dropped are ignored. */
  private final class Listener extends ClientCall.Listener<LeaseKeepAliveResponse> {
    private final ClientCall<?, ?> owner;
    private final @Nullable String token;

    Listener(ClientCall<?, ?> owner, @Nullable String token) {
      this.owner = owner;
      this.token = token;
    }

    @Override
    public void onMessage(LeaseKeepAliveResponse message) {
      onResponse(owner, message);
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      onCallClosed(owner, token, status);
    }
  }
}
