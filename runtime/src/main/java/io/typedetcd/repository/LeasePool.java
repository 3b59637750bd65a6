package io.typedetcd.repository;

import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.LeaseNotFoundException;
import io.typedetcd.client.internal.Errors;
import io.typedetcd.client.lease.KeepAliveListener;
import io.typedetcd.client.lease.Lease;
import io.typedetcd.client.lease.LeaseLostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The leases of TTL entities saved through one client: one lease per TTL (in whole seconds), shared
 * by every repository of the client, granted on first use and kept alive through {@link
 * Lease#keepAlive}. A lease is used by {@link Registration}s (counted) and by plain saves with a
 * TTL (which pin it: nothing tells when their entities are done with it). A lease nobody counts and
 * nobody pinned is revoked; a lost one (expired, revoked, or refused by a save) is retired, and the
 * next save of its TTL gets a fresh lease.
 *
 * <p>Pools live in a registry keyed by the client (weakly: a dropped client drops its pool); when
 * the client closes, keep-alives end and the leases expire by themselves.
 */
final class LeasePool {
  private static final Map<EtcdClient, LeasePool> POOLS = new WeakHashMap<>();

  private final Lease leases;
  private final Map<Long, CompletableFuture<SharedLease>> byTtl = new HashMap<>(); // guarded

  private LeasePool(Lease leases) {
    this.leases = leases;
  }

  /** The client's pool. */
  static LeasePool of(EtcdClient client) {
    synchronized (POOLS) {
      return POOLS.computeIfAbsent(client, c -> new LeasePool(c.lease()));
    }
  }

  /**
   * The current lease of this TTL, granting one if needed; {@code pin} marks it used by a plain
   * save, otherwise the caller holds one counted share to {@link #release} or {@link #attach}.
   */
  CompletableFuture<SharedLease> acquire(long ttlSeconds, boolean pin) {
    CompletableFuture<SharedLease> current;
    boolean fresh = false;
    synchronized (this) {
      current = byTtl.get(ttlSeconds);
      if (current == null) {
        current = new CompletableFuture<>();
        byTtl.put(ttlSeconds, current);
        fresh = true;
      }
    }
    if (fresh) {
      grant(ttlSeconds, current); // outside the lock: its failure path takes the lock
    }
    return current.thenCompose(
        lease -> {
          synchronized (this) {
            if (!lease.retired) {
              if (pin) {
                lease.pinned = true;
              } else {
                lease.users++;
              }
              return CompletableFuture.completedFuture(lease);
            }
          }
          return acquire(ttlSeconds, pin); // lost meanwhile: the next call grants a fresh one
        });
  }

  /**
   * Adds a registration holding one share; it hears {@code onLost} if the lease is (or was already)
   * lost.
   */
  void attach(SharedLease lease, RegistrationImpl<?> registration) {
    LeaseLostException lost;
    synchronized (this) {
      lost = lease.lost;
      if (lost == null) {
        lease.registrations.add(registration);
      }
    }
    if (lost != null) {
      registration.lost(lost);
    }
  }

  /**
   * Gives up one counted share (of a registration, or of a failed save); revokes the lease when it
   * was the last and no plain save pinned it.
   */
  CompletableFuture<Void> release(SharedLease lease, @Nullable RegistrationImpl<?> registration) {
    boolean revoke;
    synchronized (this) {
      if (registration != null) {
        lease.registrations.remove(registration);
      }
      lease.users--;
      revoke = lease.users == 0 && !lease.pinned && !lease.retired;
      if (revoke) {
        retire(lease);
      }
    }
    if (!revoke) {
      return CompletableFuture.completedFuture(null);
    }
    if (lease.keepAlive != null) {
      lease.keepAlive.close();
    }
    return leases
        .revoke(lease.id)
        .handle(
            (r, e) -> {
              if (e != null && !(Errors.unwrap(e) instanceof LeaseNotFoundException)) {
                throw Errors.toEtcd(e, null, true, true);
              }
              return null;
            });
  }

  /** A save found the lease gone: new saves get a fresh one (its keep-alive reports the loss). */
  void invalidate(SharedLease lease) {
    synchronized (this) {
      retire(lease);
    }
  }

  private void grant(long ttlSeconds, CompletableFuture<SharedLease> slot) {
    leases
        .grant(Duration.ofSeconds(ttlSeconds))
        .thenApply(
            g -> {
              SharedLease lease = new SharedLease(ttlSeconds, g.id(), g.ttl());
              lease.keepAlive = leases.keepAlive(g.id(), new Keeper(lease));
              return lease;
            })
        .whenComplete(
            (lease, e) -> {
              if (e == null) {
                slot.complete(lease);
                return;
              }
              synchronized (this) {
                byTtl.remove(ttlSeconds, slot); // the next save tries again
              }
              slot.completeExceptionally(Errors.toEtcd(e, null, false, false));
            });
  }

  /** Under the lock: no new save gets this lease. */
  private void retire(SharedLease lease) {
    lease.retired = true;
    CompletableFuture<SharedLease> current = byTtl.get(lease.ttlSeconds);
    if (current != null && current.getNow(null) == lease) {
      byTtl.remove(lease.ttlSeconds);
    }
  }

  /** Hears the lease's keep-alive: a loss retires it and tells its registrations. */
  private final class Keeper implements KeepAliveListener {
    private final SharedLease lease;

    Keeper(SharedLease lease) {
      this.lease = lease;
    }

    @Override
    public void onLost(LeaseLostException lost) {
      List<RegistrationImpl<?>> told;
      synchronized (LeasePool.this) {
        lease.lost = lost;
        retire(lease);
        told = new ArrayList<>(lease.registrations);
      }
      told.forEach(r -> r.lost(lost));
    }

    @Override
    public void onClosed() {
      synchronized (LeasePool.this) {
        retire(lease); // the client is closing (or we revoked it): it expires by itself
      }
    }
  }
}
