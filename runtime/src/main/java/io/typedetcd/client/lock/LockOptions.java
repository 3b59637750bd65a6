package io.typedetcd.client.lock;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to wait for a lock. Immutable; each {@code withX} returns a copy.
 *
 * <pre>{@code
 * client.lock().lock("/locks/orders", leaseId, LockOptions.DEFAULT.withTimeout(Duration.ofSeconds(5)));
 * }</pre>
 */
public final class LockOptions {
  /** Waits without a time limit. */
  public static final LockOptions DEFAULT = new LockOptions(null);

  private final @Nullable Duration timeout;

  private LockOptions(@Nullable Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * Gives up after this long (the call then fails with a deadline error, typed as {@code
   * OutcomeUnknownException} since a lock granted in that very instant stays held).
   */
  public LockOptions withTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    return new LockOptions(timeout);
  }

  /** The time limit, or null for none. */
  public @Nullable Duration timeout() {
    return timeout;
  }

  @Override
  public String toString() {
    return "LockOptions{timeout=" + (timeout == null ? "none" : timeout) + "}";
  }
}
