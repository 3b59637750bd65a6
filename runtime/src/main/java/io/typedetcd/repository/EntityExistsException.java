package io.typedetcd.repository;

import io.typedetcd.client.EtcdException;

/**
 * An insert (a save of an entity whose {@code @Version} is 0) found the entity already stored. Read
 * it to get its current version, then save again to update it.
 *
 * <pre>{@code
 * try {
 *   services.save(new ServiceInstance("eu", "a1", "10.0.0.1", 8080, 0));
 * } catch (EntityExistsException e) {
 *   log.info("{} is already registered (version {})", e.key(), e.currentVersion());
 * }
 * }</pre>
 */
public class EntityExistsException extends EtcdException {
  private static final long serialVersionUID = 1L;

  private final String entity;
  private final long currentVersion;

  public EntityExistsException(String entity, String key, long currentVersion) {
    super(
        entity
            + " at '"
            + key
            + "' already exists (version "
            + currentVersion
            + "); a save with version 0 only inserts: read it and save with its version to"
            + " update it",
        key,
        null);
    this.entity = entity;
    this.currentVersion = currentVersion;
  }

  /** The entity's simple type name. */
  public String entity() {
    return entity;
  }

  /** The stored entity's version when the insert was refused. */
  public long currentVersion() {
    return currentVersion;
  }
}
