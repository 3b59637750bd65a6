package io.typedetcd.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallbackQueueTest {
  @Test
  void runsCallbacksOneAtATimeInSubmissionOrder() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CallbackQueue queue = new CallbackQueue(pool);
      List<Integer> ran = new CopyOnWriteArrayList<>();
      AtomicInteger inside = new AtomicInteger();
      AtomicInteger overlaps = new AtomicInteger();
      for (int i = 0; i < 2000; i++) {
        int n = i;
        queue.execute(
            () -> {
              if (inside.incrementAndGet() != 1) {
                overlaps.incrementAndGet();
              }
              ran.add(n);
              inside.decrementAndGet();
            });
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
      assertThat(overlaps.get()).isZero();
      assertThat(ran).hasSize(2000).isSorted();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aThrowingCallbackDoesNotStopTheNextOnes() {
    CallbackQueue queue = new CallbackQueue(Runnable::run);
    List<String> ran = new CopyOnWriteArrayList<>();
    queue.execute(
        () -> {
          throw new IllegalStateException("listener bug");
        });
    queue.execute(() -> ran.add("next"));
    assertThat(ran).containsExactly("next");
  }

  @Test
  void aRejectingExecutorStillGetsTheCallbackRun() {
    CallbackQueue queue =
        new CallbackQueue(
            r -> {
              throw new RejectedExecutionException("shut down");
            });
    List<String> ran = new CopyOnWriteArrayList<>();
    queue.execute(() -> ran.add("terminal"));
    queue.execute(() -> ran.add("after"));
    assertThat(ran).containsExactly("terminal", "after");
  }
}
