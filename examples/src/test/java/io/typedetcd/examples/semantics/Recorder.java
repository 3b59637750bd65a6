package io.typedetcd.examples.semantics;

import io.typedetcd.client.EtcdException;
import io.typedetcd.repository.EntityEvent;
import io.typedetcd.repository.EntityListener;
import io.typedetcd.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** Records a typed watch's events; checks they come in revision order. */
final class Recorder implements EntityListener<Instance, Instance_Id> {
  final List<EntityEvent<Instance, Instance_Id>> events = new CopyOnWriteArrayList<>();
  final List<String> violations = new CopyOnWriteArrayList<>();
  final AtomicReference<EtcdException> error = new AtomicReference<>();
  private volatile long last;

  @Override
  public void onEvent(EntityEvent<Instance, Instance_Id> event) {
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
  List<EntityEvent<Instance, Instance_Id>> await(int n) {
    Eventually.until(
        Duration.ofSeconds(10), () -> n + " events, got " + events, () -> events.size() >= n);
    return new ArrayList<>(events.subList(0, n));
  }
}
