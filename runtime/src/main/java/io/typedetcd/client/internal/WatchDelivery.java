package io.typedetcd.client.internal;

import io.typedetcd.client.EtcdException;
import io.typedetcd.client.watch.WatchBatch;
import io.typedetcd.client.watch.WatchListener;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Hands one watcher's batches to its listener: in order, one callback at a time, on the client's
 * executor, from a bounded queue so that a slow listener holds neither the stream nor unbounded
 * memory. Ends with exactly one terminal callback.
 */
final class WatchDelivery implements Runnable {
  /** Callbacks per executor task, so one busy watcher cannot hog a small executor. */
  private static final int BURST = 64;

  private final Executor executor;
  private final WatchListener listener;
  private final CompletableFuture<Long> created;
  private final int capacity;
  private final Consumer<RuntimeException> listenerFailed; // must not call back into this
  private final ArrayDeque<Object> queue = new ArrayDeque<>(); // WatchBatch | Progress | Created
  private int batches; // WatchBatch items in the queue
  private @Nullable EtcdException error; // terminal, with closed
  private boolean closed; // no more offers; the terminal callback is due
  private boolean finished; // the terminal callback has been taken
  private boolean running;
  private volatile long delivered;

  private record Progress(long revision) {}

  private record Created(long revision) {}

  WatchDelivery(
      Executor executor,
      WatchListener listener,
      CompletableFuture<Long> created,
      int capacity,
      Consumer<RuntimeException> listenerFailed) {
    this.executor = executor;
    this.listener = listener;
    this.created = created;
    this.capacity = capacity;
    this.listenerFailed = listenerFailed;
  }

  /** The revision of the newest batch handed to the listener. */
  long delivered() {
    return delivered;
  }

  synchronized int pending() {
    return batches;
  }

  /** The error that ends a watcher whose queue overflowed. */
  EtcdException overflow(String key) {
    return new EtcdException(
        "listener too slow: "
            + pending()
            + " batches pending for the watch on '"
            + key
            + "' (its maxPendingBatches); it was cancelled after delivering revision "
            + delivered
            + ", so watch again from the next one",
        key,
        null);
  }

  /** Queues a batch; false (and nothing queued) when the queue is full. */
  synchronized boolean offer(WatchBatch batch) {
    if (closed) {
      return true;
    }
    if (batches >= capacity) {
      return false;
    }
    batches++;
    queue.add(batch);
    schedule();
    return true;
  }

  /** Queues a progress notification; consecutive ones collapse into the newest. */
  synchronized void progress(long revision) {
    if (closed) {
      return;
    }
    if (queue.peekLast() instanceof Progress) {
      queue.pollLast();
    }
    queue.add(new Progress(revision));
    schedule();
  }

  /** Completes {@link #created} in callback order, before any batch that follows. */
  synchronized void created(long revision) {
    if (!closed) {
      queue.add(new Created(revision));
      schedule();
    }
  }

  /**
   * Ends delivery: {@code error} null means closed by the user. With {@code dropPending} nothing
   * queued is delivered any more; otherwise the queue drains first. Later calls do nothing.
   */
  synchronized void finish(@Nullable EtcdException error, boolean dropPending) {
    if (closed) {
      return;
    }
    closed = true;
    this.error = error;
    if (dropPending) {
      queue.clear();
      batches = 0;
    }
    schedule();
  }

  private void schedule() {
    if (running || finished) {
      return;
    }
    running = true;
    try {
      executor.execute(this);
    } catch (RejectedExecutionException e) {
      // The client closed its executor; the last callbacks still must run somewhere.
      Thread t = new Thread(this, "typed-etcd-watch-last-callbacks");
      t.setDaemon(true);
      t.start();
    }
  }

  @Override
  public void run() {
    for (int i = 0; i < BURST; i++) {
      Object item;
      boolean terminal = false;
      synchronized (this) {
        item = queue.poll();
        if (item == null) {
          if (!closed || finished) {
            running = false;
            return;
          }
          finished = true;
          terminal = true;
        } else if (item instanceof WatchBatch) {
          batches--;
        }
      }
      if (terminal) {
        end();
        return;
      }
      if (!call(item)) {
        return;
      }
    }
    synchronized (this) {
      running = false;
      schedule();
    }
  }

  private boolean call(Object item) {
    try {
      if (item instanceof WatchBatch b) {
        delivered = Math.max(delivered, b.revision());
        listener.onEvents(b);
      } else if (item instanceof Progress p) {
        listener.onProgress(p.revision());
      } else if (item instanceof Created c) {
        created.complete(c.revision());
      }
      return true;
    } catch (RuntimeException e) {
      synchronized (this) {
        running = false;
        if (!closed) {
          closed = true;
          error = new EtcdException("the watch listener threw " + e, null, e);
          queue.clear();
          batches = 0;
        }
        schedule();
      }
      listenerFailed.accept(e); // cancels the watch on etcd
      return false;
    }
  }

  private void end() {
    EtcdException e;
    synchronized (this) {
      e = error;
    }
    created.completeExceptionally(e != null ? e : new EtcdException("the watcher was closed"));
    try {
      if (e != null) {
        listener.onError(e);
      } else {
        listener.onClosed();
      }
    } catch (RuntimeException thrown) {
      System.getLogger(WatchListener.class.getName())
          .log(System.Logger.Level.WARNING, "watch listener threw from its last callback", thrown);
    }
  }
}
