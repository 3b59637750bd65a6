package io.typedetcd.client.lock;

import com.google.protobuf.ByteString;

/**
 * A held lock: the key that holds it and the revision that created that key.
 *
 * <pre>{@code
 * LockKey held = Blocking.get(client.lock().lock("/locks/orders", leaseId));
 * writeGuardedBy(held.revision());
 * }</pre>
 *
 * @param keyBytes the lock key, {@code <name>/<lease id in hex>}, without the client's namespace
 * @param revision the lock key's create revision: successive holders of one lock get strictly
 *     increasing ones, so it serves as a fencing token
 */
public record LockKey(ByteString keyBytes, long revision) {
  /** The lock key as a UTF-8 string. */
  public String key() {
    return keyBytes.toStringUtf8();
  }
}
