package io.typedetcd.client.internal;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The client's default executor for callers' stages and listeners.
 *
 * <p>While callbacks are quick, one awake thread drains the queue: a burst of responses costs one
 * wake-up, where a cached pool hands every task to a parked thread (a futex wake and a context
 * switch per response, about a third of the client's CPU per put at 16 in flight).
 *
 * <p>Callbacks may still block. A watchdog ticks while there is work: a callback that ran through a
 * whole tick gets its thread detached from the drain, and queued tasks are given another thread, so
 * every blocked callback ends up with a thread of its own, as in a cached pool. A backlog older
 * than a tick adds a thread too (up to one per core), so CPU-heavy callbacks still use every core.
 */
final class CallbackExecutor implements Executor {
  static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
  private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(60);
  private static final int QUIET_TICKS_BEFORE_SLEEP = 500;
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  private final ThreadFactory threads;
  private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();

  /** Workers that will poll the queue again soon: neither parked nor detached. */
  private final AtomicInteger awake = new AtomicInteger();

  private final CopyOnWriteArrayList<Worker> workers = new CopyOnWriteArrayList<>();
  private final ArrayDeque<Worker> idle = new ArrayDeque<>(); // guarded by this
  private volatile @Nullable Thread watchdog; // started with the first worker
  private volatile boolean watchdogAsleep;
  private volatile boolean shutdown;

  CallbackExecutor(ThreadFactory threads) {
    this.threads = threads;
  }

  @Override
  public void execute(Runnable task) {
    Objects.requireNonNull(task, "task");
    if (shutdown) {
      throw new RejectedExecutionException("the client is closed");
    }
    queue.offer(task);
    if (awake.get() == 0) {
      try {
        wake();
      } catch (RejectedExecutionException e) {
        if (queue.remove(task)) {
          throw e; // no thread to run it: the caller runs it (Rpc, CallbackQueue)
        }
      }
    }
    if (shutdown && queue.remove(task)) {
      throw new RejectedExecutionException("the client is closed"); // raced with shutdown()
    }
  }

  /** Runs what is queued, then lets every thread end; later tasks are rejected. */
  void shutdown() {
    Worker[] parked;
    Thread dog;
    synchronized (this) {
      shutdown = true;
      parked = idle.toArray(new Worker[0]);
      dog = watchdog;
    }
    for (Worker w : parked) {
      LockSupport.unpark(w.thread);
    }
    if (dog != null) {
      LockSupport.unpark(dog);
    }
  }

  /** Whether the watchdog is parked until the next wake-up (no work for 500 ticks), for tests. */
  boolean watchdogParked() {
    Thread dog = watchdog;
    return watchdogAsleep && dog != null && dog.getState() == Thread.State.WAITING;
  }

  /** Threads this executor has running (parked or not), for tests. */
  int threadCount() {
    return workers.size();
  }

  /** Makes one more worker awake: the most recently parked one, else a new thread. */
  private void wake() {
    Worker worker;
    synchronized (this) {
      awake.incrementAndGet();
      worker = idle.pollFirst();
      if (worker == null) {
        worker = startWorker();
      } else {
        worker.signalled = true;
      }
    }
    LockSupport.unpark(worker.thread);
    nudgeWatchdog();
  }

  /** A worker is about to run tasks: they may block, so the watchdog must be ticking. */
  private void nudgeWatchdog() {
    if (watchdogAsleep) {
      Thread dog = watchdog;
      if (dog != null) {
        LockSupport.unpark(dog);
      }
    }
  }

  private Worker startWorker() {
    try {
      if (watchdog == null) {
        Thread dog = threads.newThread(this::watch);
        dog.start();
        watchdog = dog;
      }
      Worker worker = new Worker();
      worker.thread = threads.newThread(worker);
      workers.add(worker);
      try {
        worker.thread.start();
      } catch (RuntimeException | OutOfMemoryError e) {
        workers.remove(worker);
        throw e;
      }
      return worker;
    } catch (RuntimeException | OutOfMemoryError e) { // "unable to create native thread"
      awake.decrementAndGet();
      throw new RejectedExecutionException("could not start a typed-etcd callback thread", e);
    }
  }

  private void watch() {
    int quietTicks = 0;
    Marker marker = null; // queued behind the backlog a tick ago; not run yet means it is old
    while (!(shutdown && workers.isEmpty())) {
      LockSupport.parkNanos(this, TICK_NANOS);
      for (Worker w : workers) {
        long running = w.running;
        if (running != 0 && running == w.runningAtLastTick) {
          w.detach(); // one callback ran through a whole tick: it may be blocked
        }
        w.runningAtLastTick = running;
      }
      boolean busy = !queue.isEmpty();
      if (busy) {
        int n = awake.get();
        if (n == 0 || (marker != null && !marker.ran && n < CORES)) {
          try {
            wake();
          } catch (RejectedExecutionException e) {
            // no thread to be had now: the next tick tries again
          }
        }
        if (marker == null || marker.ran) {
          marker = new Marker();
          queue.offer(marker);
        }
      }
      busy |= awake.get() > 0; // a callback blocked for good does not keep the watchdog up
      quietTicks = busy ? 0 : quietTicks + 1;
      if (quietTicks >= QUIET_TICKS_BEFORE_SLEEP && !shutdown) {
        watchdogAsleep = true;
        if (awake.get() == 0 && queue.isEmpty()) {
          LockSupport.park(this); // until wake() or shutdown()
        }
        watchdogAsleep = false;
        quietTicks = 0;
      }
    }
  }

  /** Queued by the watchdog to learn whether the tasks ahead of it took longer than a tick. */
  private static final class Marker implements Runnable {
    volatile boolean ran;

    @Override
    public void run() {
      ran = true;
    }
  }

  private final class Worker implements Runnable {
    @Nullable Thread thread;

    /** The number of the task running, 0 between tasks; read by the watchdog. */
    volatile long running;

    /** Watchdog's own: {@link #running} at its previous tick. */
    long runningAtLastTick;

    volatile boolean signalled;
    private final AtomicBoolean detached = new AtomicBoolean();
    private long tasksRun;

    @Override
    public void run() {
      try {
        while (true) {
          Runnable task = queue.poll();
          if (task != null) {
            runOne(task);
          } else if (!awaitWork()) {
            return;
          }
        }
      } finally {
        workers.remove(this);
      }
    }

    private void runOne(Runnable task) {
      running = ++tasksRun;
      try {
        task.run();
      } catch (Throwable e) {
        Thread self = Thread.currentThread();
        self.getUncaughtExceptionHandler().uncaughtException(self, e);
      } finally {
        running = 0;
        Thread.interrupted(); // a task's interrupt is not ours: parking must still park
        reattach();
      }
    }

    void detach() {
      if (detached.compareAndSet(false, true)) {
        awake.decrementAndGet();
      }
    }

    private void reattach() {
      if (detached.compareAndSet(true, false)) {
        awake.incrementAndGet();
        nudgeWatchdog();
      }
    }

    /** Parks until woken with work (true) or until idle too long or shut down (false). */
    private boolean awaitWork() {
      reattach(); // the watchdog may have detached us as the last task ended
      awake.decrementAndGet();
      if (!queue.isEmpty()) {
        awake.incrementAndGet(); // a task came after our poll and saw us awake: take it
        nudgeWatchdog();
        return true;
      }
      synchronized (CallbackExecutor.this) {
        if (shutdown) {
          return false;
        }
        signalled = false;
        idle.addFirst(this);
      }
      long deadline = System.nanoTime() + KEEP_ALIVE_NANOS;
      while (!signalled) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || shutdown) {
          synchronized (CallbackExecutor.this) {
            if (!signalled) {
              idle.remove(this);
              return false;
            }
          }
          break; // woken as we gave up: wake() counted us awake
        }
        LockSupport.parkNanos(this, left);
      }
      return true;
    }
  }
}
