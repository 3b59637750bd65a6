package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Map;

/**
 * Maps an entity to one key per property under the entity key, {@code {entityKey}/{name}}, holding
 * the property's text form (layout {@code FIELDS}).
 */
public interface FieldsMapper<T, ID> extends EntityMapper<T, ID> {
  /** The stored property names (key segments), in declaration order. */
  List<String> fieldNames();

  /**
   * The text form of each stored property by name; a null value means the property is null and its
   * key is to be deleted. Keys and version are not included.
   */
  Map<String, ByteString> encodeFields(T entity);

  /**
   * The entity with this id from its property values by name (missing names are absent keys), its
   * version set to {@code version}; a {@link MappingException} naming the key and property when a
   * required property is missing or a value does not parse.
   */
  T decodeFields(ID id, Map<String, ByteString> fields, long version);
}
