package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.KeyValue;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Groups the keys of a {@code FIELDS} range read, {@code {entityKey}/{property}}, by entity key. An
 * entity's keys are contiguous in key order (every key under {@code {entityKey}/} is one of its
 * properties), so a group ends when a key of another entity arrives or the read ends.
 */
final class FieldGroups {
  /** One entity's property values by name, and its version: the highest mod revision. */
  record Group(ByteString entityKey, Map<String, ByteString> fields, long version) {}

  private static final byte SLASH = '/';

  private final ByteString rootPrefix;
  private @Nullable ByteString current;
  private Map<String, ByteString> fields = new HashMap<>();
  private long version;

  /** Groups keys below {@code rootPrefix} (the entity prefix with its trailing slash). */
  FieldGroups(ByteString rootPrefix) {
    this.rootPrefix = rootPrefix;
  }

  /**
   * The entity key of a property key: everything before its last {@code /}; null when that slash is
   * the entity prefix's own, i.e. the key has no property part. (UTF-8 never has a 0x2F byte inside
   * a multi-byte character, so scanning bytes is safe.)
   */
  @Nullable ByteString entityKeyOf(ByteString key) {
    for (int i = key.size() - 1; i >= rootPrefix.size(); i--) {
      if (key.byteAt(i) == SLASH) {
        return key.substring(0, i);
      }
    }
    return null;
  }

  /**
   * Adds a property key of entity {@code entityKey}; returns the previous entity's group when this
   * key starts a new one.
   */
  @Nullable Group accept(ByteString entityKey, KeyValue kv) {
    Group finished = null;
    if (current != null && !current.equals(entityKey)) {
      finished = finish();
    }
    if (current == null) {
      current = entityKey;
    }
    ByteString key = kv.keyBytes();
    fields.put(key.substring(entityKey.size() + 1).toStringUtf8(), kv.valueBytes());
    version = Math.max(version, kv.modRevision());
    return finished;
  }

  /** The group being assembled, if any; the grouping starts afresh afterwards. */
  @Nullable Group finish() {
    ByteString key = current;
    if (key == null) {
      return null;
    }
    Group g = new Group(key, fields, version);
    current = null;
    fields = new HashMap<>();
    version = 0;
    return g;
  }
}
