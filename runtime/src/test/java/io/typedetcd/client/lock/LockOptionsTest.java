package io.typedetcd.client.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LockOptionsTest {
  @Test
  void defaultWaitsWithoutLimitAndWithTimeoutCopies() {
    LockOptions timed = LockOptions.DEFAULT.withTimeout(Duration.ofSeconds(3));
    assertThat(LockOptions.DEFAULT.timeout()).isNull();
    assertThat(timed.timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(timed).hasToString("LockOptions{timeout=PT3S}");
  }

  @Test
  void timeoutMustBePositive() {
    assertThatThrownBy(() -> LockOptions.DEFAULT.withTimeout(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> LockOptions.DEFAULT.withTimeout(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("timeout");
  }
}
