package io.typedetcd.repository;

import io.typedetcd.client.EtcdException;

/**
 * An operation that changes an existing entity ({@code update}) found none. Nothing was written.
 *
 * <pre>{@code
 * try {
 *   stock.update(sku, s -> s.minus(1));
 * } catch (EntityNotFoundException e) {
 *   log.warn("no stock record at {}", e.key());
 * }
 * }</pre>
 */
public class EntityNotFoundException extends EtcdException {
  private static final long serialVersionUID = 1L;

  private final String entity;

  public EntityNotFoundException(String entity, String key) {
    super(entity + " at '" + key + "' does not exist", key, null);
    this.entity = entity;
  }

  /** The entity's simple type name. */
  public String entity() {
    return entity;
  }
}
