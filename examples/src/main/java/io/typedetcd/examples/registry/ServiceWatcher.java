package io.typedetcd.examples.registry;

import io.typedetcd.client.Blocking;
import io.typedetcd.repository.EntityEvent;
import io.typedetcd.repository.EntityListener;
import io.typedetcd.repository.EntityWatchOptions;
import io.typedetcd.repository.Subscription;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A live view of the registry: lists every instance, then follows joins and leaves through a typed
 * watch, telling {@code out} about each in plain words.
 *
 * <pre>{@code
 * try (ServiceWatcher watcher = ServiceWatcher.start(services, System.out::println)) {
 *   watcher.awaitGone(id, Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class ServiceWatcher
    implements EntityListener<ServiceInstance, ServiceInstance_Id>, AutoCloseable {
  private final Consumer<String> out;
  private final Map<ServiceInstance_Id, ServiceInstance> live = new LinkedHashMap<>(); // guarded
  private Subscription subscription;

  private ServiceWatcher(Consumer<String> out) {
    this.out = out;
  }

  /** Starts watching; returns once etcd has registered the watch and the initial list is in. */
  public static ServiceWatcher start(ServiceRepository services, Consumer<String> out) {
    Objects.requireNonNull(services, "services");
    ServiceWatcher watcher = new ServiceWatcher(Objects.requireNonNull(out, "out"));
    watcher.subscription =
        services.watchAll(watcher, EntityWatchOptions.DEFAULT.withInitialState());
    Blocking.get(watcher.subscription.started());
    return watcher;
  }

  @Override
  public void onEvent(EntityEvent<ServiceInstance, ServiceInstance_Id> event) {
    if (event instanceof EntityEvent.Resync<ServiceInstance, ServiceInstance_Id> r) {
      synchronized (this) {
        live.clear();
        r.entities().forEach(s -> live.put(idOf(s), s));
        notifyAll();
      }
      out.accept("watcher: " + r.entities().size() + " instance(s) registered right now");
    } else if (event instanceof EntityEvent.Created<ServiceInstance, ServiceInstance_Id> c) {
      put(c.entity());
      out.accept("watcher: JOINED " + c.entity().describe());
    } else if (event instanceof EntityEvent.Updated<ServiceInstance, ServiceInstance_Id> u) {
      put(u.current());
      out.accept("watcher: CHANGED " + u.current().describe());
    } else if (event instanceof EntityEvent.Deleted<ServiceInstance, ServiceInstance_Id> d) {
      synchronized (this) {
        live.remove(d.id());
        notifyAll();
      }
      out.accept(
          "watcher: LEFT " + d.id().id() + " (" + d.id().region() + "/" + d.id().zone() + ")");
    } else if (event instanceof EntityEvent.DecodeFailed<ServiceInstance, ServiceInstance_Id> f) {
      out.accept("watcher: ignoring unreadable entry " + f.key() + ": " + f.error().getMessage());
    }
  }

  /** The instances the watcher knows of right now, keyed by id. */
  public synchronized Map<ServiceInstance_Id, ServiceInstance> live() {
    return Map.copyOf(live);
  }

  /** Waits until the watcher has seen the instance join; false if it did not within timeout. */
  public boolean awaitPresent(ServiceInstance_Id id, Duration timeout) throws InterruptedException {
    return await(id, true, timeout);
  }

  /** Waits until the watcher has seen the instance leave; false if it did not within timeout. */
  public boolean awaitGone(ServiceInstance_Id id, Duration timeout) throws InterruptedException {
    return await(id, false, timeout);
  }

  private synchronized boolean await(ServiceInstance_Id id, boolean present, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (live.containsKey(id) != present) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  private synchronized void put(ServiceInstance s) {
    live.put(idOf(s), s);
    notifyAll();
  }

  static ServiceInstance_Id idOf(ServiceInstance s) {
    return new ServiceInstance_Id(s.region(), s.zone(), s.id());
  }

  /** Stops watching. */
  @Override
  public void close() {
    subscription.close();
  }
}
