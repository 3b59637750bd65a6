package io.typedetcd.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.typedetcd.testing.Eventually;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallbackExecutorTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final List<Thread> started = new CopyOnWriteArrayList<>();
  private final ThreadFactory threads =
      r -> {
        Thread t = new Thread(r, "callback-test-" + started.size());
        t.setDaemon(true);
        started.add(t);
        return t;
      };
  private final CallbackExecutor executor = new CallbackExecutor(threads);

  @AfterEach
  void shutDown() {
    executor.shutdown();
  }

  @Test
  void runsEveryTaskOnItsOwnThreads() throws Exception {
    assertThat(threadsRunning(10_000, () -> {}))
        .allMatch(name -> name.startsWith("callback-test-"));
  }

  @Test
  void quickTasksShareOneThread() throws Exception {
    // The point of the executor: a stream of short callbacks does not wake a thread per task.
    CountDownLatch done = new CountDownLatch(1_000);
    Set<String> names = ConcurrentHashMap.newKeySet();
    executor.execute(
        () -> {
          for (int i = 0; i < 1_000; i++) {
            executor.execute(
                () -> {
                  names.add(Thread.currentThread().getName());
                  done.countDown();
                });
          }
        });
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    // One thread, unless the machine stalled one for a tick; a pool of handoffs uses dozens.
    assertThat(names).hasSizeLessThan(4);
  }

  @Test
  void blockedTasksEachGetAThread() throws Exception {
    // Each task waits until all have started: only possible with a thread per blocked task.
    int n = 64;
    CountDownLatch allStarted = new CountDownLatch(n);
    AtomicInteger sawAll = new AtomicInteger();
    for (int i = 0; i < n; i++) {
      executor.execute(
          () -> {
            allStarted.countDown();
            if (await(allStarted)) {
              sawAll.incrementAndGet();
            }
          });
    }
    assertThat(allStarted.await(10, TimeUnit.SECONDS)).isTrue();
    Eventually.until(WAIT, "every task saw all the others start", () -> sawAll.get() == n);
  }

  @Test
  void everyTaskRunsExactlyOnceUnderMixedLoad() throws Exception {
    // Four producers, quick tasks with a blocking one now and then: counts must come out exact.
    int producers = 4;
    int perProducer = 25_000;
    AtomicInteger[] runs = new AtomicInteger[producers * perProducer];
    for (int i = 0; i < runs.length; i++) {
      runs[i] = new AtomicInteger();
    }
    CountDownLatch done = new CountDownLatch(runs.length);
    List<Thread> threads = new java.util.ArrayList<>();
    for (int p = 0; p < producers; p++) {
      int first = p * perProducer;
      Thread producer =
          new Thread(
              () -> {
                for (int i = first; i < first + perProducer; i++) {
                  int task = i;
                  executor.execute(
                      () -> {
                        if (task % 5_000 == 0) {
                          spin(TimeUnit.MILLISECONDS.toNanos(5)); // through a whole tick
                        }
                        runs[task].incrementAndGet();
                        done.countDown();
                      });
                }
              });
      producer.start();
      threads.add(producer);
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    shutDownAndAwaitEveryThread(); // nothing can run after this: a second run would have shown
    assertThat(runs).allMatch(n -> n.get() == 1);
  }

  @Test
  void aBlockedTaskDoesNotHoldUpTheQueue() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch blockedOnesDone = new CountDownLatch(1);
    executeBlockedUntil(release, blockedOnesDone);
    executor.execute(release::countDown);
    assertThat(blockedOnesDone.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aBlockedTaskDoesNotHoldUpTheQueueAfterTheWatchdogSlept() throws Exception {
    CountDownLatch first = new CountDownLatch(1);
    executor.execute(first::countDown);
    assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
    // Quiet for the watchdog's 500 ticks: it parks until there is work again.
    Eventually.until(WAIT, "the watchdog parks", executor::watchdogParked);
    aBlockedTaskDoesNotHoldUpTheQueue();
  }

  @Test
  void aTaskThatInterruptsItsThreadDoesNotKeepItAwake() throws Exception {
    // An interrupt left set would make every park return at once: the idle thread would spin.
    CountDownLatch ran = new CountDownLatch(1);
    AtomicReference<Thread> worker = new AtomicReference<>();
    executor.execute(
        () -> {
          worker.set(Thread.currentThread());
          Thread.currentThread().interrupt();
          ran.countDown();
        });
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    Eventually.until(WAIT, "the interrupt is cleared", () -> !worker.get().isInterrupted());
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long before = cpu.getThreadCpuTime(worker.get().getId());
    Eventually.holdsFor(
        Duration.ofMillis(300),
        "the idle thread uses less than 50 ms of CPU",
        () -> cpu.getThreadCpuTime(worker.get().getId()) - before < 50_000_000L);
  }

  @Test
  void aBacklogOfBusyTasksUsesMoreThreads() throws Exception {
    assertThat(threadsRunning(40, () -> spin(TimeUnit.MILLISECONDS.toNanos(5))))
        .hasSizeGreaterThan(1);
  }

  @Test
  void aThrowingTaskDoesNotStopTheOnesAfterIt() throws Exception {
    CountDownLatch after = new CountDownLatch(1);
    Thread.UncaughtExceptionHandler quiet = (t, e) -> {};
    executor.execute(
        () -> {
          Thread.currentThread().setUncaughtExceptionHandler(quiet);
          throw new IllegalStateException("listener bug");
        });
    executor.execute(after::countDown);
    assertThat(after.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void withoutAThreadToRunItATaskIsRejectedAndNeverRunLater() throws Exception {
    CallbackExecutor starved =
        new CallbackExecutor(
            r -> {
              throw new IllegalStateException("unable to create native thread");
            });
    AtomicInteger runs = new AtomicInteger();
    assertThatThrownBy(() -> starved.execute(runs::incrementAndGet))
        .isInstanceOf(RejectedExecutionException.class)
        .hasMessageContaining("could not start");
    // The caller runs a rejected task itself: no thread is left that could run it a second time.
    assertThat(starved.threadCount()).isZero();
    assertThat(runs).hasValue(0);
  }

  @Test
  void shutdownRunsWhatIsQueuedRejectsTheRestAndEndsEveryThread() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch ran = new CountDownLatch(2);
    executeBlockedUntil(release, ran);
    executor.execute(ran::countDown);
    executor.shutdown();
    assertThatThrownBy(() -> executor.execute(() -> {}))
        .isInstanceOf(RejectedExecutionException.class);
    release.countDown();
    assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
    shutDownAndAwaitEveryThread();
  }

  /** Shuts the executor down and waits until every thread it started, watchdog included, ended. */
  private void shutDownAndAwaitEveryThread() throws InterruptedException {
    executor.shutdown();
    for (Thread t : started) {
      t.join(WAIT.toMillis());
      assertThat(t.isAlive()).as(t.getName()).isFalse();
    }
    assertThat(executor.threadCount()).isZero();
  }

  /** Runs {@code n} tasks doing {@code work}; the names of the threads that ran them. */
  private Set<String> threadsRunning(int n, Runnable work) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(n);
    Set<String> names = ConcurrentHashMap.newKeySet();
    for (int i = 0; i < n; i++) {
      executor.execute(
          () -> {
            names.add(Thread.currentThread().getName());
            work.run();
            done.countDown();
          });
    }
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    return names;
  }

  /** Queues a task that waits for {@code release}, then counts {@code done} down. */
  private void executeBlockedUntil(CountDownLatch release, CountDownLatch done) {
    executor.execute(
        () -> {
          await(release);
          done.countDown();
        });
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void spin(long nanos) {
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() < end) {
      Thread.onSpinWait();
    }
  }
}
