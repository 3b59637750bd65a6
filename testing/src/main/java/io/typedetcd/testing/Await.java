package io.typedetcd.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The harness's own waits: {@link Eventually}'s loop, failing with {@link IllegalStateException}
 * because a harness that cannot start etcd is broken, not a test that failed an assertion.
 */
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
    return Eventually.poll(
        timeout,
        POLL,
        probe,
        cause -> {
          throw new IllegalStateException(whatFailed.get() + " (waited " + timeout + ")", cause);
        });
  }
}
