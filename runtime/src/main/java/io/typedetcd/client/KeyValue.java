package io.typedetcd.client;

import com.google.protobuf.ByteString;

/**
 * One key as etcd stores it, with its revisions. Keys and values read as UTF-8 strings; the bytes
 * are there too.
 *
 * @param keyBytes the key (without the client's namespace)
 * @param valueBytes the value (empty for keys-only reads and for delete events)
 * @param createRevision revision of the key's creation since its last delete
 * @param modRevision revision of the key's last change
 * @param version number of changes since creation (0 for a deleted key)
 * @param lease the lease attached to the key, or 0
 */
public record KeyValue(
    ByteString keyBytes,
    ByteString valueBytes,
    long createRevision,
    long modRevision,
    long version,
    long lease) {

  /** Converts the wire form; the caller has already removed any namespace from the key. */
  public static KeyValue of(io.typedetcd.proto.mvccpb.KeyValue kv) {
    return new KeyValue(
        kv.getKey(),
        kv.getValue(),
        kv.getCreateRevision(),
        kv.getModRevision(),
        kv.getVersion(),
        kv.getLease());
  }

  /** The key as a UTF-8 string. */
  public String key() {
    return keyBytes.toStringUtf8();
  }

  /** The value as a UTF-8 string. */
  public String value() {
    return valueBytes.toStringUtf8();
  }

  @Override
  public String toString() {
    return "KeyValue{"
        + key()
        + "="
        + (valueBytes.size() > 64 ? valueBytes.size() + " bytes" : value())
        + ", create="
        + createRevision
        + ", mod="
        + modRevision
        + ", version="
        + version
        + (lease == 0 ? "" : ", lease=" + lease)
        + "}";
  }
}
