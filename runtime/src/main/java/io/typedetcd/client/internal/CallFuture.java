package io.typedetcd.client.internal;

import io.grpc.ClientCall;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The future of a unary call, knowing the attempt in flight: a caller who completes it first
 * (cancel, orTimeout) cancels that attempt, so nothing keeps running on the server (a Lock or a
 * Campaign would otherwise wait there forever).
 *
 * <p>It also counts the threads blocked in {@link #get} or {@link #join}. When those are all that
 * wait on it (no stage of the caller's is attached), completing it on a network thread runs none of
 * the caller's code, so {@link Rpc#complete} does it there and wakes them directly, sparing a hop
 * through the client's executor. A stage attached in the instant between that check and the
 * completion would run on the network thread; attaching stages while another thread blocks on the
 * same future is what it takes, and the stage then runs once, on time.
 */
final class CallFuture<R> extends CompletableFuture<R> {
  private final AtomicReference<@Nullable ClientCall<?, ?>> inFlight = new AtomicReference<>();
  private final AtomicInteger waiters = new AtomicInteger();

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

  /** Whether only blocked threads wait on it: its own cancel hook is its one stage. */
  boolean onlyWaiters() {
    return getNumberOfDependents() <= 1 + waiters.get();
  }

  @Override
  public R get() throws InterruptedException, ExecutionException {
    waiters.incrementAndGet();
    try {
      return super.get();
    } finally {
      waiters.decrementAndGet();
    }
  }

  @Override
  public R get(long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    waiters.incrementAndGet();
    try {
      return super.get(timeout, unit);
    } finally {
      waiters.decrementAndGet();
    }
  }

  @Override
  public R join() {
    waiters.incrementAndGet();
    try {
      return super.join();
    } finally {
      waiters.decrementAndGet();
    }
  }

  /** The attempt in flight has closed. */
  void ended() {
    inFlight.set(null);
  }
}
