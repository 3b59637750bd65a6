package io.typedetcd.client.maintenance;

import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * etcd's maintenance calls: member status, alarms, defragmentation, hashes, snapshots and leader
 * transfer.
 *
 * <pre>{@code
 * Maintenance m = client.maintenance();
 * StatusResponse s = m.status("http://10.0.0.1:2379").join();
 * m.defragment("http://10.0.0.1:2379").join();
 * try (OutputStream out = Files.newOutputStream(Path.of("backup.db"))) {
 *   long bytes = m.snapshot(out).join();
 * }
 * }</pre>
 *
 * <p>Status, defragmentation and hashes concern one member, named by its client URL (one of the
 * builder's endpoints, or any member's client URL with the same scheme). For each URL named the
 * client opens one more connection, with the same TLS material and auth token, lazily on first use
 * and kept until the client closes. Calls on one endpoint wait for that member: they are retried
 * while it is unreachable until the call timeout, which also bounds a defragmentation (raise {@code
 * callTimeout} for large databases).
 */
public interface Maintenance {
  /** The member's status: its id, version, database size, raft indexes and leader. */
  CompletableFuture<StatusResponse> status(String endpoint);

  /** Every active alarm on every member. */
  CompletableFuture<List<Alarm>> alarms();

  /**
   * Clears the alarm (after freeing space, for {@code NOSPACE}); completes with the alarms that
   * were cleared (empty when it was not active).
   */
  CompletableFuture<List<Alarm>> disarm(Alarm alarm);

  /** Rewrites the member's database file to release free space; the member blocks meanwhile. */
  CompletableFuture<Void> defragment(String endpoint);

  /** Hash of the member's whole backend (for comparing members at rest). */
  CompletableFuture<HashResponse> hash(String endpoint);

  /**
   * Hash of the member's key-value history up to {@code revision} (0: the latest); members that
   * applied the same revisions have the same hash.
   */
  CompletableFuture<HashKvResponse> hashKv(String endpoint, long revision);

  /**
   * Streams a snapshot of one member's database to {@code out} (not closed) — whichever member the
   * client's balancer picks, which may not have applied the very latest writes yet — exactly as
   * {@code etcdctl snapshot save} writes it: the bolt database followed by its 32-byte SHA-256,
   * which {@code etcdctl snapshot restore} checks. The client checks the stream ran to its end
   * ({@code remaining_bytes} reaching 0) and the SHA-256. Completes with the number of bytes
   * written. A stream that stalls for longer than the call timeout is cancelled.
   */
  CompletableFuture<Long> snapshot(OutputStream out);

  /**
   * Makes the member with this id leader. The request must reach the current leader: the client
   * asks any member who leads, sends it there, and asks again if leadership moved meanwhile.
   */
  CompletableFuture<Void> moveLeader(long targetMemberId);
}
