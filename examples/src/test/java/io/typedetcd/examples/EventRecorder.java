package io.typedetcd.examples;

import io.typedetcd.client.EtcdException;
import io.typedetcd.repository.EntityEvent;
import io.typedetcd.repository.EntityListener;
import io.typedetcd.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** Records the events of a typed watch, noting any that go back in revision. */
public final class EventRecorder<T, ID> implements EntityListener<T, ID> {
  public final List<EntityEvent<T, ID>> events = new CopyOnWriteArrayList<>();
  public final List<String> violations = new CopyOnWriteArrayList<>();
  public final AtomicReference<EtcdException> error = new AtomicReference<>();
  private volatile long last;

  @Override
  public void onEvent(EntityEvent<T, ID> event) {
    if (event.revision() < last) {
      violations.add("revision went back from " + last + " to " + event);
    }
    last = event.revision();
    events.add(event);
  }

  @Override
  public void onError(EtcdException e) {
    error.set(e);
  }

  /** Waits until at least {@code n} events arrived; returns the first {@code n}. */
  public List<EntityEvent<T, ID>> await(int n) {
    Eventually.until(
        Duration.ofSeconds(10), () -> n + " events, got " + events, () -> events.size() >= n);
    return new ArrayList<>(events.subList(0, n));
  }
}
