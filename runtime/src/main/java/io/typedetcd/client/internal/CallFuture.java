package io.typedetcd.client.internal;

import io.grpc.ClientCall;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The future of a unary call, knowing the attempt in flight: a caller who completes it first
 * (cancel, orTimeout) cancels that attempt, so nothing keeps running on the server (a Lock or a
 * Campaign would otherwise wait there forever).
 */
final class CallFuture<R> extends CompletableFuture<R> {
  private final AtomicReference<@Nullable ClientCall<?, ?>> inFlight = new AtomicReference<>();

  CallFuture() {
    whenComplete(
        (r, e) -> {
          ClientCall<?, ?> call = inFlight.getAndSet(null);
          if (call != null) {
            call.cancel("the caller gave up", null);
          }
        });
  }

  /** Records the attempt about to start; false if the caller already gave up: do not start it. */
  boolean running(ClientCall<?, ?> call) {
    inFlight.set(call);
    if (isDone()) {
      inFlight.set(null);
      return false;
    }
    return true;
  }

  /** The attempt in flight has closed. */
  void ended() {
    inFlight.set(null);
  }
}
