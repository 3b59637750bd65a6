package io.typedetcd.client.lease;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling waits for tests: no bare sleeps to let things happen. */
public final class Eventually {
  private static final long POLL_MS = 50;

  private Eventually() {}

  /** Polls until the condition holds; fails after the timeout naming what did not happen. */
  public static void until(Duration timeout, BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + timeout + " waiting until " + what);
      }
      pause();
    }
  }

  /** Checks the assertion repeatedly for the whole duration: something that must stay true. */
  public static void holdsFor(Duration duration, Runnable assertion) {
    long end = System.nanoTime() + duration.toNanos();
    do {
      assertion.run();
      pause();
    } while (System.nanoTime() - end < 0);
    assertion.run();
  }

  private static void pause() {
    try {
      Thread.sleep(POLL_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
