package io.typedetcd.repository;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to save an entity. Immutable; each {@code withX} returns a copy.
 *
 * <pre>{@code
 * services.save(instance, SaveOptions.ttl(Duration.ofSeconds(10)));
 * }</pre>
 *
 * <p><b>TTL.</b> An entity saved with a TTL (or the entity's default, {@code @EtcdEntity(ttl =
 * ...)}) is attached, with its index keys, to a lease the client keeps alive while it is open: the
 * entity disappears about one TTL after the process dies or the client is closed without deleting
 * it. Entities saved with the same TTL through the same client share one lease. A plain save keeps
 * its lease alive until the client is closed; to be told when a lease is lost, or to have the
 * entity deleted when done, use {@link CrudRepository#register}. Saving an entity again without a
 * TTL detaches it from its lease (etcd attaches a key to the lease of its latest put).
 */
public final class SaveOptions {
  /** No TTL of its own: the entity's default TTL applies, if it has one. */
  public static final SaveOptions DEFAULT = new SaveOptions(null);

  /** etcd's largest lease TTL. */
  static final long MAX_TTL_SECONDS = 9_000_000_000L;

  private final @Nullable Duration ttl;

  private SaveOptions(@Nullable Duration ttl) {
    this.ttl = ttl;
  }

  /** Options with this TTL: shorthand for {@code DEFAULT.withTtl(ttl)}. */
  public static SaveOptions ttl(Duration ttl) {
    return DEFAULT.withTtl(ttl);
  }

  /**
   * Attaches the entity to a lease of this TTL, rounded up to whole seconds (etcd may grant more:
   * its minimum is about 1.5 election timeouts).
   */
  public SaveOptions withTtl(Duration ttl) {
    return new SaveOptions(checkTtl(ttl, "ttl"));
  }

  /** The TTL these options ask for; null when the entity's default applies. */
  public @Nullable Duration ttl() {
    return ttl;
  }

  /** The TTL in whole seconds, rounded up; an IllegalArgumentException naming {@code what}. */
  static long seconds(Duration ttl, String what) {
    checkTtl(ttl, what);
    long s = ttl.getSeconds();
    return ttl.getNano() > 0 ? s + 1 : s;
  }

  private static Duration checkTtl(Duration ttl, String what) {
    Objects.requireNonNull(ttl, what);
    if (ttl.isNegative() || ttl.isZero() || ttl.getSeconds() >= MAX_TTL_SECONDS) {
      throw new IllegalArgumentException(
          what + " must be positive and below " + MAX_TTL_SECONDS + " s, was " + ttl);
    }
    return ttl;
  }

  @Override
  public String toString() {
    return "SaveOptions{" + (ttl == null ? "default TTL" : "ttl=" + ttl) + "}";
  }
}
