package io.typedetcd.client.cluster;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Polls a condition until a deadline, for tests of things etcd does in the background. */
public final class Eventually {
  private static final long POLL_NANOS = Duration.ofMillis(50).toNanos();

  private Eventually() {}

  /** The first present value of {@code probe}; fails naming {@code what} after {@code timeout}. */
  public static <T> T value(Duration timeout, String what, Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (true) {
      try {
        Optional<T> result = probe.get();
        if (result.isPresent()) {
          return result.get();
        }
      } catch (RuntimeException e) {
        last = e;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not true after " + timeout + ": " + what, last);
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
  }

  /** Waits until {@code condition} holds. */
  public static void until(Duration timeout, String what, Supplier<Boolean> condition) {
    value(timeout, what, () -> condition.get() ? Optional.of(Boolean.TRUE) : Optional.empty());
  }
}
