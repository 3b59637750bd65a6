package io.typedetcd.client.election;

import com.google.protobuf.ByteString;

/**
 * The current leader of an election as etcd stores it.
 *
 * <pre>{@code
 * Leader leader = Blocking.get(client.election().leader("/elections/db"));
 * connect(leader.value());
 * }</pre>
 *
 * @param keyBytes the leader's key, without the client's namespace
 * @param valueBytes the value it proposed or last proclaimed
 * @param createRevision when it became a candidate (its {@link LeaderKey#revision()})
 * @param modRevision when its value was last set
 * @param lease the leader's lease
 */
public record Leader(
    ByteString keyBytes, ByteString valueBytes, long createRevision, long modRevision, long lease) {

  /** Converts the wire form; the caller has already removed any namespace from the key. */
  public static Leader of(io.typedetcd.proto.mvccpb.KeyValue kv) {
    return new Leader(
        kv.getKey(), kv.getValue(), kv.getCreateRevision(), kv.getModRevision(), kv.getLease());
  }

  /** The key as a UTF-8 string. */
  public String key() {
    return keyBytes.toStringUtf8();
  }

  /** The value as a UTF-8 string. */
  public String value() {
    return valueBytes.toStringUtf8();
  }
}
