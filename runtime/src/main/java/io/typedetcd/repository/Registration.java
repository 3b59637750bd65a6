package io.typedetcd.repository;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * An entity saved with a TTL for as long as its owner holds this handle: its lease is kept alive by
 * the client, and {@link #close()} deletes it. If the lease is lost (etcd expired it, or it was
 * revoked) the entity is gone and the {@link RegistrationListener} hears it; register again to come
 * back.
 *
 * <pre>{@code
 * try (Registration<ServiceInstance> r =
 *     services.register(instance, Duration.ofSeconds(10), (lost, cause) -> reRegister())) {
 *   serve();
 * } // deleted here
 * }</pre>
 *
 * <p>To change a registered entity, save it with {@code SaveOptions.ttl(sameTtl)}: it stays on the
 * shared lease of that TTL. Thread-safe.
 */
public interface Registration<T> extends AutoCloseable {
  /** The entity as saved, with its version. */
  T entity();

  /** The lease the entity is attached to, shared with entities saved with the same TTL. */
  long leaseId();

  /** The TTL etcd granted the lease. */
  Duration ttl();

  /** Whether the lease was lost: the entity expired and {@link RegistrationListener} was told. */
  boolean isLost();

  /**
   * Deletes the entity (with its index keys, like {@code deleteById}) unless the lease was lost,
   * and gives up this registration's share of the lease, revoking it when nothing else uses it.
   * Idempotent: later calls return the first call's future. On a closed client nothing is deleted:
   * the entity expires with its lease.
   */
  CompletableFuture<Void> closeAsync();

  /** {@link #closeAsync()}, waiting for it; failures are {@code EtcdException}s. */
  @Override
  void close();
}
