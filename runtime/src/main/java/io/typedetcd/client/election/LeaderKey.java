package io.typedetcd.client.election;

import com.google.protobuf.ByteString;

/**
 * Proof of leadership, returned by {@link Election#campaign}: pass it to proclaim and resign.
 *
 * <pre>{@code
 * LeaderKey me = Blocking.get(election.campaign("/elections/db", leaseId, "10.0.0.1"));
 * election.proclaim(me, "10.0.0.2").join();
 * }</pre>
 *
 * @param nameBytes the election, without the client's namespace
 * @param keyBytes the leader's key, {@code <name>/<lease id in hex>}, without the namespace
 * @param revision the key's create revision; a fencing token, as for locks
 * @param lease the lease the leadership is bound to
 */
public record LeaderKey(ByteString nameBytes, ByteString keyBytes, long revision, long lease) {
  /** The election as a UTF-8 string. */
  public String name() {
    return nameBytes.toStringUtf8();
  }

  /** The leader key as a UTF-8 string. */
  public String key() {
    return keyBytes.toStringUtf8();
  }
}
