package io.typedetcd.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Waits in tests for things etcd or a client does in the background, by polling with a deadline
 * instead of sleeping "long enough". A wait that runs out fails with an {@link AssertionError}
 * naming what did not happen and the timeout.
 *
 * <pre>{@code
 * Eventually.until(Duration.ofSeconds(5), "the lease expires", () -> kv.get(key).isEmpty());
 * Member leader = Eventually.value(Duration.ofSeconds(10), "a leader", () -> findLeader());
 * Eventually.holdsFor(Duration.ofSeconds(2), "the lock stays held", () -> !waiter.isDone());
 * }</pre>
 */
public final class Eventually {
  /** Fast enough that a test waits little past the moment the condition turns true. */
  static final Duration INTERVAL = Duration.ofMillis(20);

  private Eventually() {}

  /** Polls until {@code condition} holds; fails naming {@code what} after {@code timeout}. */
  public static void until(Duration timeout, String what, BooleanSupplier condition) {
    until(timeout, () -> what, condition);
  }

  /** As {@link #until(Duration, String, BooleanSupplier)}, building the message only on failure. */
  public static void until(Duration timeout, Supplier<String> what, BooleanSupplier condition) {
    value(timeout, what, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty());
  }

  /**
   * The first present result of {@code probe}. A probe that throws is tried again; if time runs
   * out, its last exception is the cause of the failure.
   */
  public static <T> T value(Duration timeout, String what, Supplier<Optional<T>> probe) {
    return value(timeout, () -> what, probe);
  }

  private static <T> T value(Duration timeout, Supplier<String> what, Supplier<Optional<T>> probe) {
    return poll(
        timeout,
        INTERVAL,
        probe,
        cause -> {
          throw new AssertionError("not within " + timeout + ": " + what.get(), cause);
        });
  }

  /**
   * Checks {@code condition} over and over for {@code duration}, the last time after it has passed;
   * fails as soon as the condition is false or throws. For something that must stay true.
   */
  public static void holdsFor(Duration duration, String what, BooleanSupplier condition) {
    holdsFor(duration, () -> what, condition);
  }

  /** As {@link #holdsFor(Duration, String, BooleanSupplier)}, building the message on failure. */
  public static void holdsFor(Duration duration, Supplier<String> what, BooleanSupplier condition) {
    AssertionError broke =
        poll(
            duration,
            INTERVAL,
            () -> {
              try {
                return condition.getAsBoolean()
                    ? Optional.empty()
                    : Optional.of(stoppedHolding(duration, what, null));
              } catch (RuntimeException e) {
                return Optional.of(stoppedHolding(duration, what, e));
              }
            },
            interrupted -> {
              if (interrupted != null) {
                throw stoppedHolding(duration, what, interrupted);
              }
              return null;
            });
    if (broke != null) {
      throw broke;
    }
  }

  private static AssertionError stoppedHolding(
      Duration duration, Supplier<String> what, Throwable cause) {
    return new AssertionError("stopped holding within " + duration + ": " + what.get(), cause);
  }

  /**
   * The one polling loop: the first present result of {@code probe}, tried every {@code interval}
   * and a last time once {@code timeout} has passed. If none comes, {@code onTimeout} gets the
   * probe's last exception (or the interrupt, or null) and throws or returns a fallback.
   */
  static <T> T poll(
      Duration timeout,
      Duration interval,
      Supplier<Optional<T>> probe,
      Function<Throwable, T> onTimeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Throwable last = null;
    while (true) {
      boolean lastTry = System.nanoTime() - deadline > 0;
      try {
        Optional<T> result = probe.get();
        if (result.isPresent()) {
          return result.get();
        }
      } catch (RuntimeException e) {
        last = e;
      }
      if (lastTry) {
        return onTimeout.apply(last);
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return onTimeout.apply(e);
      }
    }
  }
}
