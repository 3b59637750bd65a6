package io.typedetcd.client.lock;

import io.typedetcd.client.ResponseHeader;
import java.util.concurrent.CompletableFuture;

/**
 * Distributed locks over etcd's lock service: a lock is held by a key attached to a lease, and ends
 * with the lease.
 *
 * <pre>{@code
 * long lease = Blocking.get(client.lease().grant(Duration.ofSeconds(10))).id();
 * try (KeepAlive alive = client.lease().keepAlive(lease, lost -> stopWork())) {
 *   LockKey held = Blocking.get(client.lock().lock("/locks/orders", lease));
 *   try {
 *     client.kv().txn()
 *         .when(Cmp.createRevision(held.key()).equalTo(held.revision())) // still ours?
 *         .then(Op.put("/orders/1", "done"))
 *         .commit().join();
 *   } finally {
 *     client.lock().unlock(held).join();
 *   }
 * }
 * }</pre>
 *
 * <p><b>A lock alone is not mutual exclusion.</b> The lease can expire (a pause, a partition) while
 * the holder still believes it holds the lock, and another process then acquires it; Jepsen showed
 * this with etcd. Guard writes with the lock: in etcd, by a transaction comparing the lock key's
 * create revision with {@link LockKey#revision()} as above; elsewhere, by passing {@code
 * revision()} as a fencing token that the resource checks only ever increases.
 *
 * <p>Locking waits (on the server) as long as it takes: not bounded by the call timeout, but by
 * {@link LockOptions#withTimeout} if given. Cancelling the returned future stops waiting and etcd
 * removes the waiting key; a lock granted in the very instant of cancelling can stay held until its
 * lease ends, so revoke the lease when in doubt. A request that reaches no member is retried until
 * then too.
 *
 * <p>Locking is a write: one whose answer was lost (say, the member serving it died) fails with
 * {@code OutcomeUnknownException}, and its key may still be waiting, or even holding the lock.
 * Locking again with the same lease is the cure: locks are per lease, so it finds its own key,
 * keeps its place in line and returns at once if that key holds the lock. Lock names are keys in
 * the client's namespace.
 */
public interface Lock {
  /** Waits until the lock is held under {@code leaseId}, however long that takes. */
  CompletableFuture<LockKey> lock(String name, long leaseId);

  /** Waits until the lock is held under {@code leaseId}, or the options' timeout passes. */
  CompletableFuture<LockKey> lock(String name, long leaseId, LockOptions options);

  /** Releases the lock (deletes its key; nothing happens if it is already gone). */
  CompletableFuture<ResponseHeader> unlock(LockKey key);
}
