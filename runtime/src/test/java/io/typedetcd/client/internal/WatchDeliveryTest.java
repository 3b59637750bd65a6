package io.typedetcd.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.typedetcd.client.EtcdException;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.ResponseHeader;
import io.typedetcd.client.watch.WatchBatch;
import io.typedetcd.client.watch.WatchEvent;
import io.typedetcd.client.watch.WatchListener;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WatchDeliveryTest {
  /** Runs tasks only when told to, so the test sees every interleaving it wants. */
  static final class StepExecutor implements Executor {
    final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    void runAll() {
      while (!tasks.isEmpty()) {
        tasks.poll().run();
      }
    }
  }

  /** Records callbacks as strings. */
  static final class Log implements WatchListener {
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void onEvents(WatchBatch batch) {
      calls.add("events " + batch.revision());
    }

    @Override
    public void onProgress(long revision) {
      calls.add("progress " + revision);
    }

    @Override
    public void onError(EtcdException error) {
      calls.add("error " + error.getMessage());
    }

    @Override
    public void onClosed() {
      calls.add("closed");
    }
  }

  static WatchBatch batch(long revision) {
    KeyValue kv =
        new KeyValue(
            com.google.protobuf.ByteString.copyFromUtf8("k"),
            com.google.protobuf.ByteString.EMPTY,
            revision,
            revision,
            1,
            0);
    return new WatchBatch(
        new ResponseHeader(1, 2, revision, 3),
        List.of(new WatchEvent(WatchEvent.Type.PUT, kv, null)));
  }

  final StepExecutor executor = new StepExecutor();
  final Log log = new Log();
  final CompletableFuture<Long> created = new CompletableFuture<>();
  final AtomicInteger listenerFailures = new AtomicInteger();

  WatchDelivery delivery(int capacity, WatchListener listener) {
    return new WatchDelivery(
        executor, listener, created, capacity, e -> listenerFailures.incrementAndGet());
  }

  @Test
  void deliversInOrderAndCompletesCreatedFirst() {
    WatchDelivery d = delivery(10, log);
    d.created(4);
    d.offer(batch(5));
    d.progress(6);
    d.offer(batch(7));
    assertThat(executor.tasks).hasSize(1); // one drain task at a time
    executor.runAll();
    assertThat(created).isCompletedWithValue(4L);
    assertThat(log.calls).containsExactly("events 5", "progress 6", "events 7");
    assertThat(d.delivered()).isEqualTo(7);
  }

  @Test
  void aFullQueueRefusesTheBatchAndProgressDoesNotCount() {
    WatchDelivery d = delivery(2, log);
    assertThat(d.offer(batch(1))).isTrue();
    d.progress(1);
    d.progress(2); // collapses into one
    assertThat(d.offer(batch(3))).isTrue();
    assertThat(d.offer(batch(4))).isFalse();
    assertThat(d.pending()).isEqualTo(2);
    assertThat(d.overflow("/k").getMessage()).startsWith("listener too slow: 2 batches pending");
    executor.runAll();
    assertThat(log.calls).containsExactly("events 1", "progress 2", "events 3");
  }

  @Test
  void closingDropsWhatIsQueuedAndEndsWithOneOnClosed() {
    WatchDelivery d = delivery(10, log);
    d.offer(batch(1));
    d.offer(batch(2));
    d.finish(null, true);
    d.finish(new EtcdException("later"), false); // ignored
    d.offer(batch(3)); // ignored
    executor.runAll();
    assertThat(log.calls).containsExactly("closed");
    assertThat(created).isCompletedExceptionally();
  }

  @Test
  void anErrorAfterTheQueueDrainsKeepsWhatWasQueued() {
    WatchDelivery d = delivery(10, log);
    d.offer(batch(1));
    d.finish(new EtcdException("compacted"), false);
    executor.runAll();
    assertThat(log.calls).containsExactly("events 1", "error compacted");
  }

  @Test
  void aThrowingListenerEndsTheWatcherWithAnError() {
    Log inner = new Log();
    WatchListener throwing =
        new WatchListener() {
          @Override
          public void onEvents(WatchBatch batch) {
            inner.onEvents(batch);
            throw new IllegalStateException("boom");
          }

          @Override
          public void onError(EtcdException error) {
            inner.calls.add("error caused by " + error.getCause().getMessage());
          }
        };
    WatchDelivery d = delivery(10, throwing);
    d.offer(batch(1));
    d.offer(batch(2));
    executor.runAll();
    assertThat(inner.calls).containsExactly("events 1", "error caused by boom");
    assertThat(listenerFailures).hasValue(1);
  }

  @Test
  void theLastCallbackRunsEvenWhenTheExecutorIsShutDown() throws Exception {
    CountDownLatch closed = new CountDownLatch(1);
    Executor rejecting =
        task -> {
          throw new RejectedExecutionException("shut down");
        };
    WatchDelivery d =
        new WatchDelivery(
            rejecting,
            new WatchListener() {
              @Override
              public void onEvents(WatchBatch batch) {}

              @Override
              public void onClosed() {
                closed.countDown();
              }
            },
            created,
            10,
            e -> {});
    d.finish(null, true);
    assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
  }
}
