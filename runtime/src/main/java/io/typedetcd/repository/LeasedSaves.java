package io.typedetcd.repository;

import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.LeaseNotFoundException;
import io.typedetcd.client.internal.Errors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Saves with a TTL: the lease comes from the client's {@link LeasePool}, and every key the save
 * writes is attached to it. A save that etcd refuses because the lease just expired retires that
 * lease and is tried once more on a fresh one (nothing was written: a failed put fails its whole
 * transaction).
 */
final class LeasedSaves<T, ID> {
  private static final int LEASE_ATTEMPTS = 3;
  private static final int SAVE_ALL_WINDOW = 16;

  private final EtcdClient client;
  private final EntityStore<T, ID> store;
  private final Function<T, CompletableFuture<T>> save;
  private final BiFunction<T, Long, CompletableFuture<T>> saveLeased;
  private final Function<ID, CompletableFuture<?>> delete;

  /**
   * {@code save} and {@code saveLeased} are the repository's save without and with a lease (index
   * keys included, all on the lease); {@code delete} is its delete by id, so index keys go too.
   */
  LeasedSaves(
      EtcdClient client,
      EntityStore<T, ID> store,
      Function<T, CompletableFuture<T>> save,
      BiFunction<T, Long, CompletableFuture<T>> saveLeased,
      Function<ID, CompletableFuture<?>> delete) {
    this.client = client;
    this.store = store;
    this.save = save;
    this.saveLeased = saveLeased;
    this.delete = delete;
  }

  /** A save with the options' TTL, or the entity's default, or none. */
  CompletableFuture<T> save(T entity, SaveOptions options) {
    Objects.requireNonNull(entity, "entity");
    Duration ttl = Objects.requireNonNull(options, "options").ttl();
    if (ttl == null) {
      ttl = store.mapper.defaultTtl();
    }
    if (ttl == null) {
      return save.apply(entity);
    }
    long seconds = SaveOptions.seconds(ttl, "ttl");
    return saveLeased(entity, seconds, true, 1).thenApply(s -> s.saved);
  }

  /**
   * Saves each entity with the entity's default TTL in its own transaction, a bounded number at a
   * time (like {@code EntityStore.saveAll}); all share the TTL's lease.
   */
  CompletableFuture<List<T>> saveAll(Iterable<? extends T> entities) {
    Objects.requireNonNull(entities, "entities");
    List<T> list = new ArrayList<>();
    for (T e : entities) {
      list.add(Objects.requireNonNull(e, () -> "entities[" + list.size() + "] is null"));
    }
    return Windowed.map(list, SAVE_ALL_WINDOW, e -> save(e, SaveOptions.DEFAULT));
  }

  CompletableFuture<Registration<T>> register(
      T entity, @Nullable Duration ttl, RegistrationListener<T> listener) {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(listener, "listener");
    Duration effective = ttl != null ? ttl : store.mapper.defaultTtl();
    if (effective == null) {
      throw new IllegalArgumentException(
          store.entity + " has no default TTL (@EtcdEntity(ttl = ...)): pass a ttl to register");
    }
    long seconds = SaveOptions.seconds(effective, "ttl");
    ID id = store.mapper.id(entity);
    return saveLeased(entity, seconds, false, 1)
        .thenApply(
            s -> {
              RegistrationImpl<T> r =
                  new RegistrationImpl<>(
                      s.saved,
                      s.lease,
                      pool(),
                      listener,
                      () -> delete.apply(id),
                      () -> client.connection().rpc().isClosed());
              pool().attach(s.lease, r);
              return r;
            });
  }

  private record Saved<T>(T saved, SharedLease lease) {}

  private CompletableFuture<Saved<T>> saveLeased(T entity, long seconds, boolean pin, int attempt) {
    LeasePool pool = pool();
    return pool.acquire(seconds, pin)
        .thenCompose(
            lease ->
                saveWith(entity, lease.id)
                    .thenApply(saved -> new Saved<>(saved, lease))
                    .exceptionallyCompose(
                        e -> {
                          boolean leaseGone = Errors.unwrap(e) instanceof LeaseNotFoundException;
                          if (leaseGone) {
                            pool.invalidate(lease);
                          }
                          CompletableFuture<Void> released =
                              pin
                                  ? CompletableFuture.completedFuture(null)
                                  : pool.release(lease, null).exceptionally(x -> null);
                          if (leaseGone && attempt < LEASE_ATTEMPTS) {
                            return released.thenCompose(
                                v -> saveLeased(entity, seconds, pin, attempt + 1));
                          }
                          return released.thenCompose(v -> CompletableFuture.failedFuture(e));
                        }));
  }

  private CompletableFuture<T> saveWith(T entity, long leaseId) {
    try {
      return saveLeased.apply(entity, leaseId);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private LeasePool pool() {
    return LeasePool.of(client);
  }
}
