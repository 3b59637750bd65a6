package io.typedetcd.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.ClientCall;
import io.grpc.Metadata;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class CallFutureTest {
  @Test
  void cancellingTheFutureCancelsTheCallInFlight() {
    CallFuture<String> future = new CallFuture<>();
    FakeCall call = new FakeCall();
    assertThat(future.running(call)).isTrue();
    future.cancel(true);
    assertThat(call.cancels.get()).isEqualTo(1);
  }

  @Test
  void orTimeoutCancelsTheCallInFlight() throws Exception {
    CallFuture<String> future = new CallFuture<>();
    FakeCall call = new FakeCall();
    future.running(call);
    future.orTimeout(10, TimeUnit.MILLISECONDS);
    try {
      future.get(5, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(TimeoutException.class);
    }
    // get() may return before the completing thread has run the cancel hook: poll for it.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (call.cancels.get() == 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(call.cancels.get()).isEqualTo(1);
  }

  @Test
  void aCallThatEndedIsNotCancelledAndNoNewOneStartsAfterCancelling() {
    CallFuture<String> future = new CallFuture<>();
    FakeCall first = new FakeCall();
    future.running(first);
    future.ended();
    future.complete("done");
    assertThat(first.cancels.get()).isZero();

    CallFuture<String> cancelled = new CallFuture<>();
    cancelled.cancel(true);
    assertThat(cancelled.running(new FakeCall())).isFalse();
  }

  static final class FakeCall extends ClientCall<String, String> {
    final AtomicInteger cancels = new AtomicInteger();

    @Override
    public void start(Listener<String> listener, Metadata headers) {}

    @Override
    public void request(int numMessages) {}

    @Override
    public void cancel(@Nullable String message, @Nullable Throwable cause) {
      cancels.incrementAndGet();
    }

    @Override
    public void halfClose() {}

    @Override
    public void sendMessage(String message) {}
  }
}
