package io.typedetcd.repository;

import io.typedetcd.client.lease.KeepAlive;
import io.typedetcd.client.lease.LeaseLostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One lease of a {@link LeasePool}; the mutable fields are guarded by the pool's lock. */
final class SharedLease {
  final long ttlSeconds;
  final long id;
  final Duration granted;

  /** Set right after the grant; null only if keeping it alive could not start. */
  volatile @Nullable KeepAlive keepAlive;

  /** Counted shares: registrations, and saves of registrations in flight. */
  int users;

  /** Used by a plain save with a TTL: never revoked, kept alive until the client closes. */
  boolean pinned;

  /** No new save gets this lease (lost, revoked, or the client closed). */
  boolean retired;

  /** Why it was lost, once its keep-alive said so. */
  @Nullable LeaseLostException lost;

  final List<RegistrationImpl<?>> registrations = new ArrayList<>();

  SharedLease(long ttlSeconds, long id, Duration granted) {
    this.ttlSeconds = ttlSeconds;
    this.id = id;
    this.granted = granted;
  }

  @Override
  public String toString() {
    return "SharedLease{" + id + ", ttl=" + granted + (retired ? ", retired" : "") + "}";
  }
}
