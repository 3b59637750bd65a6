package io.typedetcd.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LeaseTimingTest {
  @Test
  void ttlsAreWholeSecondsRoundedUp() {
    assertThat(LeaseImpl.seconds(Duration.ofSeconds(3))).isEqualTo(3);
    assertThat(LeaseImpl.seconds(Duration.ofMillis(4500))).isEqualTo(5);
    assertThat(LeaseImpl.seconds(Duration.ofNanos(1))).isEqualTo(1);
    assertThatThrownBy(() -> LeaseImpl.seconds(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl");
    assertThatThrownBy(() -> LeaseImpl.seconds(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LeaseImpl.seconds(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("ttl");
  }

  @Test
  void refreshIntervalIsAThirdOfTheTtlWithAFloor() {
    KeptLease lease = new KeptLease(1, 0);
    assertThat(lease.interval()).isEqualTo(TimeUnit.SECONDS.toNanos(1)); // TTL not known yet
    lease.ttlNanos = TimeUnit.SECONDS.toNanos(3);
    assertThat(lease.interval()).isEqualTo(TimeUnit.SECONDS.toNanos(1));
    lease.ttlNanos = TimeUnit.SECONDS.toNanos(60);
    assertThat(lease.interval()).isEqualTo(TimeUnit.SECONDS.toNanos(20));
    lease.ttlNanos = TimeUnit.MILLISECONDS.toNanos(150);
    assertThat(lease.interval()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
  }
}
