package io.typedetcd.repository;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.internal.Errors;
import io.typedetcd.client.lease.LeaseLostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** What {@code register} returns: one entity holding one share of a {@link SharedLease}. */
final class RegistrationImpl<T> implements Registration<T> {
  private static final System.Logger LOG = System.getLogger(RegistrationImpl.class.getName());

  private final T entity;
  private final SharedLease lease;
  private final LeasePool pool;
  private final RegistrationListener<T> listener;
  private final Supplier<CompletableFuture<?>> delete;
  private final BooleanSupplier clientClosed;
  private boolean lost; // guarded by this
  private @Nullable CompletableFuture<Void> closing; // guarded by this

  RegistrationImpl(
      T entity,
      SharedLease lease,
      LeasePool pool,
      RegistrationListener<T> listener,
      Supplier<CompletableFuture<?>> delete,
      BooleanSupplier clientClosed) {
    this.entity = entity;
    this.lease = lease;
    this.pool = pool;
    this.listener = listener;
    this.delete = delete;
    this.clientClosed = clientClosed;
  }

  @Override
  public T entity() {
    return entity;
  }

  @Override
  public long leaseId() {
    return lease.id;
  }

  @Override
  public Duration ttl() {
    return lease.granted;
  }

  @Override
  public synchronized boolean isLost() {
    return lost;
  }

  /** The lease is gone: tell the owner, unless it closed this registration first. */
  void lost(LeaseLostException cause) {
    synchronized (this) {
      if (lost || closing != null) {
        return;
      }
      lost = true;
    }
    try {
      listener.onLost(this, cause);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "a RegistrationListener threw", e);
    }
  }

  @Override
  public CompletableFuture<Void> closeAsync() {
    boolean deleteIt;
    CompletableFuture<Void> done;
    synchronized (this) {
      if (closing != null) {
        return closing.copy();
      }
      // A lost registration's entity is gone, and deleting now could remove a re-registration.
      deleteIt = !lost && !clientClosed.getAsBoolean();
      done = new CompletableFuture<>();
      closing = done;
    }
    CompletableFuture<?> deleted =
        deleteIt ? delete.get() : CompletableFuture.completedFuture(null);
    // The share is given up even if the delete failed: a last share revokes the lease (deleting
    // the entity after all), and a lease no longer kept alive expires with it.
    deleted
        .handle((d, e) -> e)
        .thenCompose(
            failed -> pool.release(lease, this).handle((v, e) -> failed != null ? failed : e))
        .thenAccept(
            e -> {
              if (e != null) {
                done.completeExceptionally(Errors.unwrap(e));
              } else {
                done.complete(null);
              }
            });
    return done.copy();
  }

  @Override
  public void close() {
    Blocking.get(closeAsync());
  }

  @Override
  public String toString() {
    return "Registration{" + entity + ", lease=" + lease.id + (isLost() ? ", lost" : "") + "}";
  }
}
