package io.typedetcd.repository;

import com.google.protobuf.ByteString;

/** Maps an entity to one key holding a JSON document (layout {@code DOCUMENT}). */
public interface DocumentMapper<T, ID> extends EntityMapper<T, ID> {
  /** The JSON value of the entity: every stored property except keys and version. */
  ByteString encode(T entity);

  /**
   * The entity stored under {@code key} with {@code value}, its version set to {@code modRevision};
   * a {@link MappingException} naming the key and property when the value does not decode.
   */
  T decode(ByteString key, ByteString value, long modRevision);
}
