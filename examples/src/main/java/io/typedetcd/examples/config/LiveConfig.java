package io.typedetcd.examples.config;

import io.typedetcd.client.Blocking;
import io.typedetcd.repository.EntityEvent;
import io.typedetcd.repository.EntityListener;
import io.typedetcd.repository.EntityWatchOptions;
import io.typedetcd.repository.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An application's current configuration, reloaded live from etcd through a typed watch. A change
 * that does not decode (an operator typed {@code lots} for a number) or breaks a rule of {@link
 * AppConfig#problems()} is rejected: the application keeps its last good configuration and says
 * why.
 *
 * <pre>{@code
 * try (LiveConfig config = LiveConfig.start(configs, defaults, System.out::println)) {
 *   int limit = config.current().maxConnections(); // always a valid value
 * }
 * }</pre>
 */
public final class LiveConfig implements EntityListener<AppConfig, String>, AutoCloseable {
  private final String app;
  private final Consumer<String> out;
  private volatile AppConfig current;
  private final List<String> rejections = new ArrayList<>(); // guarded
  private Subscription subscription;

  private LiveConfig(AppConfig defaults, Consumer<String> out) {
    this.app = defaults.app();
    this.current = defaults;
    this.out = out;
  }

  /**
   * Follows {@code defaults.app()}'s configuration, starting from what is stored (or {@code
   * defaults} if nothing valid is); returns once the stored one has been read.
   */
  public static LiveConfig start(
      AppConfig.Repository configs, AppConfig defaults, Consumer<String> out) {
    if (!defaults.problems().isEmpty()) {
      throw new IllegalArgumentException("defaults are invalid: " + defaults.problems());
    }
    LiveConfig live = new LiveConfig(defaults, Objects.requireNonNull(out, "out"));
    live.subscription = configs.watchAll(live, EntityWatchOptions.DEFAULT.withInitialState());
    Blocking.get(live.subscription.started());
    return live;
  }

  /** The last good configuration. */
  public AppConfig current() {
    return current;
  }

  /** Why each rejected change was rejected, oldest first. */
  public synchronized List<String> rejections() {
    return List.copyOf(rejections);
  }

  /**
   * The etcd revision of the newest change seen (applied, rejected or not this app's); 0 before.
   */
  public long seenRevision() {
    return subscription.revision();
  }

  @Override
  public void onEvent(EntityEvent<AppConfig, String> event) {
    if (event instanceof EntityEvent.Resync<AppConfig, String> r) {
      r.entities().stream().filter(c -> c.app().equals(app)).findFirst().ifPresent(this::offer);
    } else if (event instanceof EntityEvent.Created<AppConfig, String> c) {
      offer(c.entity());
    } else if (event instanceof EntityEvent.Updated<AppConfig, String> u) {
      offer(u.current());
    } else if (event instanceof EntityEvent.Deleted<AppConfig, String> d) {
      if (d.id().equals(app)) {
        out.accept("config: " + app + "'s configuration was deleted; keeping " + current);
      }
    } else if (event instanceof EntityEvent.DecodeFailed<AppConfig, String> f) {
      if (f.key().endsWith("/" + app)) {
        reject("unreadable: " + f.error().getMessage());
      }
    }
  }

  private void offer(AppConfig candidate) {
    if (!candidate.app().equals(app) || candidate.equals(current)) {
      return;
    }
    List<String> problems = candidate.problems();
    if (!problems.isEmpty()) {
      reject("invalid: " + String.join("; ", problems));
      return;
    }
    // Tell first, then publish: whoever waits for the change sees the message before it.
    out.accept("config: reloaded " + app + ": " + describeChange(current, candidate));
    current = candidate;
  }

  private void reject(String why) {
    out.accept("config: REJECTED a change to " + app + " (" + why + "); keeping " + current);
    synchronized (this) {
      rejections.add(why);
    }
  }

  private static String describeChange(AppConfig before, AppConfig after) {
    List<String> changes = new ArrayList<>();
    if (before.maxConnections() != after.maxConnections()) {
      changes.add("maxConnections " + before.maxConnections() + " -> " + after.maxConnections());
    }
    if (before.maintenance() != after.maintenance()) {
      changes.add("maintenance " + before.maintenance() + " -> " + after.maintenance());
    }
    if (!before.greeting().equals(after.greeting())) {
      changes.add("greeting '" + before.greeting() + "' -> '" + after.greeting() + "'");
    }
    return String.join(", ", changes);
  }

  /** Stops following changes; {@link #current()} keeps the last good configuration. */
  @Override
  public void close() {
    subscription.close();
  }
}
