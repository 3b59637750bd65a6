package io.typedetcd.client.lease;

import java.time.Duration;

/**
 * A granted lease.
 *
 * <pre>{@code
 * LeaseGrant grant = Blocking.get(client.lease().grant(Duration.ofSeconds(10)));
 * client.kv().put("/k", "v", PutOptions.DEFAULT.withLease(grant.id())).join();
 * }</pre>
 *
 * @param id the lease's id, for {@code PutOptions.withLease} and the other lease calls
 * @param ttl the TTL etcd granted (whole seconds; may exceed the one asked for)
 */
public record LeaseGrant(long id, Duration ttl) {}
