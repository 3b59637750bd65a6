package io.typedetcd.client.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs one listener's callbacks on the client's executor one at a time, in submission order. A
 * callback that throws is logged and does not stop the ones after it.
 */
final class CallbackQueue implements Executor {
  private static final System.Logger LOG = System.getLogger(CallbackQueue.class.getName());

  private final Executor executor;
  private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
  private boolean running;

  CallbackQueue(Executor executor) {
    this.executor = executor;
  }

  @Override
  public void execute(Runnable callback) {
    synchronized (this) {
      queue.add(callback);
      if (running) {
        return; // the running drain picks it up
      }
      running = true;
    }
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      drain(); // an executor shut down under us: a late callback beats a lost one
    }
  }

  private void drain() {
    while (true) {
      Runnable next;
      synchronized (this) {
        next = queue.poll();
        if (next == null) {
          running = false;
          return;
        }
      }
      try {
        next.run();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "a typed-etcd listener threw", e);
      }
    }
  }
}
