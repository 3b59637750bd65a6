package io.typedetcd.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventuallyTest {
  private static final Duration SHORT = Duration.ofMillis(120);

  @Test
  void valueRetriesAProbeThatThrowsUntilItFindsOne() {
    AtomicInteger calls = new AtomicInteger();
    int value =
        Eventually.value(
            Duration.ofSeconds(5),
            "the answer",
            () -> {
              if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("not yet");
              }
              return Optional.of(42);
            });
    assertThat(value).isEqualTo(42);
  }

  @Test
  void aTimeoutNamesWhatDidNotHappenAndTheProbesLastException() {
    IllegalStateException last = new IllegalStateException("still starting");
    assertThatThrownBy(
            () ->
                Eventually.value(
                    SHORT,
                    "a leader",
                    () -> {
                      throw last;
                    }))
        .isInstanceOf(AssertionError.class)
        .hasMessage("not within PT0.12S: a leader")
        .hasCause(last);
  }

  @Test
  void untilBuildsItsMessageOnlyWhenItFails() {
    AtomicInteger built = new AtomicInteger();
    Eventually.until(SHORT, () -> "built " + built.incrementAndGet(), () -> true);
    assertThat(built).hasValue(0);
    assertThatThrownBy(() -> Eventually.until(SHORT, () -> "state " + 7, () -> false))
        .isInstanceOf(AssertionError.class)
        .hasMessage("not within PT0.12S: state 7");
  }

  @Test
  void holdsForChecksUntilTheEndAndFailsOnTheFirstFalse() {
    AtomicInteger checks = new AtomicInteger();
    Eventually.holdsFor(SHORT, "stays true", () -> checks.incrementAndGet() > 0);
    assertThat(checks.get()).isGreaterThan(2);

    assertThatThrownBy(
            () -> Eventually.holdsFor(Duration.ofSeconds(5), "short-lived", () -> checks.get() < 0))
        .isInstanceOf(AssertionError.class)
        .hasMessage("stopped holding within PT5S: short-lived");
  }
}
