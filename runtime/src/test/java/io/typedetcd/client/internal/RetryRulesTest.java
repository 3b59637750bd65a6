package io.typedetcd.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

class RetryRulesTest {
  private static final Status DROPPED =
      Status.UNKNOWN.withDescription("channel closed").withCause(new ClosedChannelException());

  @Test
  void aReadIsRetriedWhenItsConnectionBrokeUnderIt() {
    assertThat(Errors.isRetryable(DROPPED, false, true)).isTrue();
    assertThat(Errors.isRetryable(Status.UNAVAILABLE, false, true)).isTrue();
  }

  @Test
  void aWriteThatMayHaveBeenSentIsNeverRetriedOnABrokenConnection() {
    assertThat(Errors.isRetryable(DROPPED, true, true)).isFalse();
    assertThat(Errors.isRetryable(DROPPED, true, false)).isTrue();
  }

  @Test
  void otherUnknownFailuresAreNotRetried() {
    assertThat(Errors.isRetryable(Status.UNKNOWN.withDescription("boom"), false, false)).isFalse();
  }
}
