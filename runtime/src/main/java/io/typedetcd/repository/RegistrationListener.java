package io.typedetcd.repository;

import io.typedetcd.client.lease.LeaseLostException;

/**
 * Hears that a {@link Registration}'s lease was lost: etcd expired it (no keep-alive got through
 * within its TTL) or it was revoked, so the entity is gone. Called once, on the client's executor;
 * it must not block for long.
 *
 * <pre>{@code
 * RegistrationListener<ServiceInstance> again =
 *     (lost, cause) -> services.async().register(lost.entity(), lost.ttl(), this);
 * }</pre>
 */
@FunctionalInterface
public interface RegistrationListener<T> {
  /**
   * The registration's lease is gone; {@code cause.reason()} says whether etcd said so or its TTL
   * ran out without a successful refresh. New saves get a fresh lease. To come back, register
   * {@code lost.entity()} again; an entity with a {@code @Version} must come back as new (version
   * 0), since the stored one is gone.
   */
  void onLost(Registration<T> lost, LeaseLostException cause);
}
