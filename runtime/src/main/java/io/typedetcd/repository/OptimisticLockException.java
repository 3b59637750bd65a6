package io.typedetcd.repository;

import io.typedetcd.client.EtcdException;

/**
 * An update (a save of an entity with a non-zero {@code @Version}) found the stored entity changed
 * or deleted since that version was read. Nothing was written; read the entity again, re-apply the
 * change and save.
 *
 * <pre>{@code
 * try {
 *   services.save(instance.withPort(9090));
 * } catch (OptimisticLockException e) {
 *   // someone else won; e.currentVersion() is 0 when the entity was deleted
 * }
 * }</pre>
 */
public class OptimisticLockException extends EtcdException {
  private static final long serialVersionUID = 1L;

  private final String entity;
  private final long expectedVersion;
  private final long currentVersion;

  public OptimisticLockException(
      String entity, String key, long expectedVersion, long currentVersion) {
    super(
        entity
            + " at '"
            + key
            + "' "
            + (currentVersion == 0
                ? "was deleted"
                : "was changed (now version " + currentVersion + ")")
            + " after version "
            + expectedVersion
            + " was read; read it again and re-apply the change",
        key,
        null);
    this.entity = entity;
    this.expectedVersion = expectedVersion;
    this.currentVersion = currentVersion;
  }

  /**
   * The conflict a read-modify-write reports when the entity changed between its read and its write
   * on every one of {@code attempts} attempts.
   */
  public OptimisticLockException(
      String entity, String key, long expectedVersion, long currentVersion, int attempts) {
    super(
        entity
            + " at '"
            + key
            + "' was changed by other writers during each of "
            + attempts
            + " attempts to update it (last seen version "
            + expectedVersion
            + ", now "
            + currentVersion
            + "); giving up",
        key,
        null);
    this.entity = entity;
    this.expectedVersion = expectedVersion;
    this.currentVersion = currentVersion;
  }

  /** The entity's simple type name. */
  public String entity() {
    return entity;
  }

  /** The version the save expected. */
  public long expectedVersion() {
    return expectedVersion;
  }

  /** The stored version when the save was refused; 0 when the entity no longer exists. */
  public long currentVersion() {
    return currentVersion;
  }
}
