package io.typedetcd.client.lease;

import io.typedetcd.client.ResponseHeader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * etcd's leases: a lease expires unless kept alive, and deletes every key attached to it when it
 * expires or is revoked.
 *
 * <pre>{@code
 * Lease lease = client.lease();
 * LeaseGrant grant = Blocking.get(lease.grant(Duration.ofSeconds(10)));
 * client.kv().put("/services/a", "10.0.0.1:80", PutOptions.DEFAULT.withLease(grant.id())).join();
 * try (KeepAlive alive = lease.keepAlive(grant.id(), lost -> stopServing())) {
 *   serve();
 * }
 * lease.revoke(grant.id()).join(); // closing the KeepAlive does not revoke
 * }</pre>
 *
 * <p>TTLs are whole seconds, rounded up; etcd may grant more than asked (it has a minimum of about
 * 1.5 election timeouts). A lease that does not exist fails calls with {@code
 * LeaseNotFoundException}.
 */
public interface Lease {
  /**
   * Grants a lease with an id chosen by etcd. Retried when unanswered: a lost duplicate expires.
   */
  CompletableFuture<LeaseGrant> grant(Duration ttl);

  /**
   * Grants a lease with this id (positive); fails if a lease with that id exists. Not retried once
   * sent (a retry could find its own first attempt): an unanswered attempt fails with {@code
   * OutcomeUnknownException}.
   */
  CompletableFuture<LeaseGrant> grant(Duration ttl, long id);

  /**
   * Revokes the lease, deleting its keys; the header's revision is that of the deletion. Retried
   * when unanswered, so a retry may report {@code LeaseNotFoundException} for a lease its own first
   * attempt revoked: either way the lease is gone. Keep-alives of the lease in this client report
   * it lost.
   */
  CompletableFuture<ResponseHeader> revoke(long id);

  /** The lease's granted and remaining TTL, without its keys. */
  CompletableFuture<TimeToLive> timeToLive(long id);

  /**
   * The lease's granted and remaining TTL and, with {@code withKeys}, the keys attached to it that
   * lie in this client's namespace (without the namespace).
   */
  CompletableFuture<TimeToLive> timeToLive(long id, boolean withKeys);

  /** The ids of every lease etcd has (across all namespaces: leases have none). */
  CompletableFuture<List<Long>> leases();

  /** Refreshes the lease once; completes with its TTL, now full again. */
  CompletableFuture<Duration> keepAliveOnce(long id);

  /**
   * Keeps the lease alive until the returned handle or the client is closed, refreshing it every
   * third of its TTL over the client's one keep-alive stream. Stream failures (leader change, a
   * member dying, no leader for a while) are not a lost lease: the stream is reopened and the
   * refreshing goes on. The listener hears every refresh and, exactly once, either {@link
   * KeepAliveListener#onLost} or {@link KeepAliveListener#onClosed}. Several handles may keep the
   * same lease alive.
   *
   * @throws io.typedetcd.client.EtcdException when the client is closed
   */
  KeepAlive keepAlive(long id, KeepAliveListener listener);
}
