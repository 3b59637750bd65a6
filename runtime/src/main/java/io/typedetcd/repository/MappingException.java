package io.typedetcd.repository;

import io.typedetcd.client.EtcdException;
import org.jspecify.annotations.Nullable;

/**
 * A stored value does not map to the entity: malformed JSON or text, a missing required property, a
 * key that does not parse. Names the entity, the key and the property.
 */
public class MappingException extends EtcdException {
  private static final long serialVersionUID = 1L;

  private final String entity;
  private final @Nullable String property;

  public MappingException(
      String entity,
      @Nullable String key,
      @Nullable String property,
      String problem,
      @Nullable Throwable cause) {
    super(
        entity
            + (key == null ? "" : " at '" + key + "'")
            + (property == null ? "" : ", property '" + property + "'")
            + ": "
            + problem,
        key,
        cause);
    this.entity = entity;
    this.property = property;
  }

  public String entity() {
    return entity;
  }

  public @Nullable String property() {
    return property;
  }
}
