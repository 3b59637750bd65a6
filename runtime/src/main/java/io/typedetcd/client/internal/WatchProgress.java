package io.typedetcd.client.internal;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * Callers waiting for an on-demand progress notification. etcd answers progress requests in order,
 * so the oldest request sent on the current stream gets the next answer; a caller that timed out
 * keeps its place so that its late answer is not taken for a newer request's.
 *
 * <p>Not thread-safe; the owner serializes access. Futures complete on the executor.
 */
final class WatchProgress {
  private final Executor executor;
  private final ArrayDeque<CompletableFuture<Long>> waiting = new ArrayDeque<>();
  private int sent; // waiters at the head whose request is on the current stream

  WatchProgress(Executor executor) {
    this.executor = executor;
  }

  /** Queues a waiter; {@code sentNow} when its request goes out on the open stream. */
  void add(CompletableFuture<Long> waiter, boolean sentNow) {
    waiting.add(waiter);
    if (sentNow) {
      sent++;
    }
  }

  boolean anyWaiting() {
    for (CompletableFuture<Long> f : waiting) {
      if (!f.isDone()) {
        return true;
      }
    }
    return false;
  }

  /** A new stream opened: how many requests to send on it (one per waiter still waiting). */
  int reopened() {
    waiting.removeIf(CompletableFuture::isDone);
    sent = waiting.size();
    return sent;
  }

  /** The stream ended: unanswered requests must be sent again. */
  void lost() {
    sent = 0;
  }

  /** etcd answered the oldest request sent on this stream. */
  void answered(long revision) {
    if (sent > 0) {
      sent--;
      CompletableFuture<Long> f = waiting.poll();
      if (f != null) {
        complete(executor, f, revision, null);
      }
    }
  }

  void failAll(RuntimeException error) {
    for (CompletableFuture<Long> f : waiting) {
      complete(executor, f, null, error);
    }
    waiting.clear();
    sent = 0;
  }

  /** Completes {@code f} on the executor, so that callers' continuations never run under a lock. */
  static void complete(
      Executor executor,
      CompletableFuture<Long> f,
      @Nullable Long value,
      @Nullable RuntimeException error) {
    Runnable complete =
        () -> {
          if (error != null) {
            f.completeExceptionally(error);
          } else {
            f.complete(value);
          }
        };
    try {
      executor.execute(complete);
    } catch (RejectedExecutionException rejected) {
      complete.run(); // the client is shutting down its executor
    }
  }
}
