package io.typedetcd.client.lease;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what a keep-alive listener hears, and checks the callbacks never overlap. */
final class RecordingListener implements KeepAliveListener {
  final List<Duration> refreshes = new CopyOnWriteArrayList<>();
  final List<LeaseLostException> lost = new CopyOnWriteArrayList<>();
  final AtomicInteger closed = new AtomicInteger();
  final AtomicInteger afterTerminal = new AtomicInteger();
  private final AtomicInteger inside = new AtomicInteger();
  final AtomicInteger overlaps = new AtomicInteger();
  volatile long lastRefreshNanos;
  volatile long lostNanos;

  @Override
  public void onKeepAlive(Duration ttl) {
    enter();
    refreshes.add(ttl);
    lastRefreshNanos = System.nanoTime();
    leave();
  }

  @Override
  public void onLost(LeaseLostException e) {
    enter();
    lostNanos = System.nanoTime();
    lost.add(e);
    leave();
  }

  @Override
  public void onClosed() {
    enter();
    closed.incrementAndGet();
    leave();
  }

  boolean terminated() {
    return !lost.isEmpty() || closed.get() > 0;
  }

  int terminals() {
    return lost.size() + closed.get();
  }

  private void enter() {
    if (terminated()) {
      afterTerminal.incrementAndGet();
    }
    if (inside.incrementAndGet() != 1) {
      overlaps.incrementAndGet();
    }
  }

  private void leave() {
    inside.decrementAndGet();
  }
}
