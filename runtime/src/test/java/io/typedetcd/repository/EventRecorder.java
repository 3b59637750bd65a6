package io.typedetcd.repository;

import io.typedetcd.client.EtcdException;
import io.typedetcd.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Records a typed watch's callbacks, checking they come one at a time in revision order. */
final class EventRecorder<T, ID> implements EntityListener<T, ID> {
  final List<EntityEvent<T, ID>> events = new CopyOnWriteArrayList<>();
  final List<String> violations = new CopyOnWriteArrayList<>();
  final AtomicReference<EtcdException> error = new AtomicReference<>();
  final AtomicInteger closed = new AtomicInteger();
  private final AtomicInteger inside = new AtomicInteger();
  private volatile long last;

  @Override
  public void onEvent(EntityEvent<T, ID> event) {
    if (inside.incrementAndGet() != 1) {
      violations.add("concurrent call with " + event);
    }
    if (event.revision() < last) {
      violations.add("revision went back from " + last + " to " + event);
    }
    last = event.revision();
    events.add(event);
    inside.decrementAndGet();
  }

  @Override
  public void onError(EtcdException e) {
    error.set(e);
  }

  @Override
  public void onClosed() {
    closed.incrementAndGet();
  }

  /** Waits until at least {@code n} events arrived; returns the first {@code n}. */
  List<EntityEvent<T, ID>> await(int n) {
    Eventually.until(
        Duration.ofSeconds(10), () -> n + " events, got " + events, () -> events.size() >= n);
    return new ArrayList<>(events.subList(0, n));
  }

  /** The events of one kind. */
  <E> List<E> of(Class<E> kind) {
    List<E> out = new ArrayList<>();
    for (EntityEvent<T, ID> e : events) {
      if (kind.isInstance(e)) {
        out.add(kind.cast(e));
      }
    }
    return out;
  }
}
