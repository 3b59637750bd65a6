package io.typedetcd.repository;

import io.typedetcd.client.EtcdException;

/**
 * A write would give a unique indexed value to a second entity. Nothing was written.
 *
 * <pre>{@code
 * try {
 *   services.save(instance);
 * } catch (UniqueConstraintException e) {
 *   log.warn("host {} is already taken by {}", e.value(), e.holderKey());
 * }
 * }</pre>
 */
public class UniqueConstraintException extends EtcdException {
  private static final long serialVersionUID = 1L;

  private final String entity;
  private final String property;
  private final String value;
  private final String holderKey;

  /**
   * @param key the key of the entity whose write was refused
   * @param value the value as encoded in the index key
   * @param holderKey the key of the entity that holds the value
   */
  public UniqueConstraintException(
      String entity, String key, String property, String value, String holderKey) {
    super(
        entity
            + " at '"
            + key
            + "' cannot take "
            + property
            + " '"
            + value
            + "': it is unique and "
            + entity
            + " at '"
            + holderKey
            + "' already has it",
        key,
        null);
    this.entity = entity;
    this.property = property;
    this.value = value;
    this.holderKey = holderKey;
  }

  /** The entity's simple type name. */
  public String entity() {
    return entity;
  }

  /** The unique property. */
  public String property() {
    return property;
  }

  /** The value, as encoded in the index key. */
  public String value() {
    return value;
  }

  /** The key of the entity that already has the value. */
  public String holderKey() {
    return holderKey;
  }
}
