package io.typedetcd.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until a deadline. */
final class Await {
  static final Duration POLL = Duration.ofMillis(50);

  private Await() {}

  static void until(Duration timeout, BooleanSupplier condition, Supplier<String> whatFailed) {
    value(
        timeout,
        () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty(),
        whatFailed);
  }

  static <T> T value(Duration timeout, Supplier<Optional<T>> probe, Supplier<String> whatFailed) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> result = probe.get();
      if (result.isPresent()) {
        return result.get();
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(whatFailed.get() + " (waited " + timeout + ")");
      }
      sleep(POLL);
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
  }
}
