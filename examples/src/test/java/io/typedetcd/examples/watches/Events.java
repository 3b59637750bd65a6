package io.typedetcd.examples.watches;

import static org.assertj.core.api.Assertions.assertThat;

import io.typedetcd.client.EtcdException;
import io.typedetcd.repository.EntityEvent;
import io.typedetcd.repository.EntityListener;
import io.typedetcd.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** Records the events of a typed watch. */
final class Events<T, ID> implements EntityListener<T, ID> {
  final List<EntityEvent<T, ID>> events = new CopyOnWriteArrayList<>();
  final AtomicReference<EtcdException> error = new AtomicReference<>();

  @Override
  public void onEvent(EntityEvent<T, ID> event) {
    events.add(event);
  }

  @Override
  public void onError(EtcdException e) {
    error.set(e);
  }

  /** Waits until at least {@code n} events arrived; returns the first {@code n}. */
  List<EntityEvent<T, ID>> await(int n) {
    Eventually.until(
        Duration.ofSeconds(10), () -> n + " events, got " + events, () -> events.size() >= n);
    assertThat(events).as("events").hasSizeGreaterThanOrEqualTo(n);
    return new ArrayList<>(events.subList(0, n));
  }
}
