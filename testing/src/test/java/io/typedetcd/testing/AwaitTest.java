package io.typedetcd.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

  @Test
  void returnsTheFirstValueTheProbeFinds() {
    AtomicInteger calls = new AtomicInteger();
    int value =
        Await.value(
            Duration.ofSeconds(5),
            () -> calls.incrementAndGet() < 3 ? Optional.empty() : Optional.of(42),
            () -> "never");
    assertThat(value).isEqualTo(42);
    assertThat(calls).hasValue(3);
  }

  @Test
  void failsWithTheDescriptionAfterTheTimeout() {
    assertThatThrownBy(() -> Await.until(Duration.ofMillis(120), () -> false, () -> "the thing"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the thing")
        .hasMessageContaining("PT0.12S");
  }
}
