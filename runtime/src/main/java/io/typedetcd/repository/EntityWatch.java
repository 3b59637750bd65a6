package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.CompactedException;
import io.typedetcd.client.DeadlineExceededException;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.UnavailableException;
import io.typedetcd.client.internal.Errors;
import io.typedetcd.client.internal.KeyRanges;
import io.typedetcd.client.internal.Rpc;
import io.typedetcd.client.watch.WatchBatch;
import io.typedetcd.client.watch.WatchListener;
import io.typedetcd.client.watch.WatchOptions;
import io.typedetcd.client.watch.Watcher;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A typed watch: a raw watch of a key range (with prev_kv) whose batches are decoded and delivered
 * in order through one chain of steps, so a {@code FIELDS} batch that must read etcd first still
 * comes out in revision order. Gaps and duplicates are the raw watch's business: it resumes after
 * the last revision it delivered. When that revision is compacted (or a {@code FIELDS} read finds
 * its revision compacted) the watch resyncs: it lists the range at one revision R, delivers a
 * {@code Resync} of it, and watches again from R + 1. The range is a prefix, or the keys of one
 * entity: a {@code DOCUMENT} entity's one key (not a prefix: {@code /p/a/b} never sees {@code
 * /p/a/bc}), a {@code FIELDS} entity's {@code {entityKey}/} prefix.
 *
 * <p>Each raw watcher and each resync has a generation; steps of an older generation are skipped,
 * so nothing of a replaced watcher is delivered after a resync. Reads that fail with unavailability
 * or a deadline are retried with backoff until the subscription ends.
 */
final class EntityWatch<T, ID> implements Subscription {
  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
  private static final ByteString ZERO = ByteString.copyFrom(new byte[] {0});

  private final EntityStore<T, ID> store;
  private final EtcdClient client;
  private final ByteString start;
  private final ByteString end;
  private final EventDecoder<T, ID> decoder;
  private final ListenerCalls<T, ID> listener;
  private final EntityWatchOptions options;
  private final CompletableFuture<Long> started = new CompletableFuture<>();

  // Guarded by this.
  private CompletableFuture<Void> tail = DONE;
  private int generation;
  private @Nullable Watcher watcher;
  private boolean ended;
  private int pending;

  private EntityWatch(
      EtcdClient client,
      EntityStore<T, ID> store,
      ByteString start,
      ByteString end,
      EntityListener<T, ID> listener,
      EntityWatchOptions options) {
    this.client = client;
    this.store = store;
    this.start = start;
    this.end = end;
    this.decoder = EventDecoder.of(store);
    this.listener = new ListenerCalls<>(listener);
    this.options = options;
  }

  static <T, ID> Subscription start(
      EtcdClient client,
      EntityStore<T, ID> store,
      ByteString prefix,
      EntityListener<T, ID> listener,
      EntityWatchOptions options) {
    store.checkPrefix(prefix);
    return start(client, store, prefix, KeyRanges.prefixEnd(prefix), listener, options);
  }

  /** Watches the one entity stored under {@code key}. */
  static <T, ID> Subscription startOne(
      EtcdClient client,
      EntityStore<T, ID> store,
      ByteString key,
      EntityListener<T, ID> listener,
      EntityWatchOptions options) {
    Objects.requireNonNull(key, "key");
    if (store.groupsKeys()) {
      ByteString fields = key.concat(ByteString.copyFromUtf8("/")); // FIELDS: {entityKey}/{name}
      return start(client, store, fields, KeyRanges.prefixEnd(fields), listener, options);
    }
    return start(client, store, key, key.concat(ZERO), listener, options); // exactly this key
  }

  private static <T, ID> Subscription start(
      EtcdClient client,
      EntityStore<T, ID> store,
      ByteString start,
      ByteString end,
      EntityListener<T, ID> listener,
      EntityWatchOptions options) {
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(options, "options");
    EntityWatch<T, ID> w = new EntityWatch<>(client, store, start, end, listener, options);
    if (options.initialState()) {
      w.enqueue(0, w::resync);
    } else {
      w.open(options.startRevision(), 0);
    }
    return w;
  }

  @Override
  public CompletableFuture<Long> started() {
    return started.copy();
  }

  @Override
  public long revision() {
    return listener.delivered();
  }

  @Override
  public void close() {
    end(-1, null);
  }

  /** Watches from {@code from} (0: now) if the generation is still {@code expected}. */
  private void open(long from, int expected) {
    int g;
    synchronized (this) {
      if (ended || generation != expected) {
        return;
      }
      g = ++generation;
    }
    Watcher w;
    try {
      WatchOptions o =
          WatchOptions.DEFAULT
              .withRangeEnd(end)
              .withPrevKv()
              .withStartRevision(from)
              .withMaxPendingBatches(options.maxPendingBatches()); // a DOCUMENT listener's queue
      w = client.watch().watch(start, o, new Raw(g));
    } catch (RuntimeException e) {
      end(g, Errors.toEtcd(e, key(), false, false));
      return;
    }
    boolean kept;
    synchronized (this) {
      kept = current(g);
      watcher = kept ? w : watcher;
    }
    if (!kept) {
      w.close(); // ended or resynced meanwhile
      return;
    }
    w.created().thenAccept(rev -> started.complete(from == 0 ? rev : from - 1));
  }

  /** Feeds one raw watcher's callbacks into the chain. */
  private final class Raw implements WatchListener {
    private final int g;

    Raw(int g) {
      this.g = g;
    }

    @Override
    public void onEvents(WatchBatch batch) {
      enqueue(
          g,
          () ->
              decoder
                  .decode(batch)
                  .thenAccept(events -> listener.deliver(events, () -> current(g))));
    }

    @Override
    public void onError(EtcdException error) {
      enqueue(g, () -> CompletableFuture.failedFuture(error)); // compaction resyncs, else ends
    }
  }

  private void enqueue(int g, Supplier<CompletableFuture<Void>> step) {
    int waiting;
    synchronized (this) {
      if (!current(g)) {
        return;
      }
      waiting = pending;
      if (waiting < options.maxPendingBatches()) {
        pending++;
        tail = tail.thenCompose(v -> run(g, step)).exceptionally(e -> null);
        return;
      }
    }
    end(g, new EtcdException("listener too slow: " + waiting + " batches pending", key(), null));
  }

  private CompletableFuture<Void> run(int g, Supplier<CompletableFuture<Void>> step) {
    synchronized (this) {
      pending--;
    }
    return current(g) ? attempt(g, step, 0) : DONE;
  }

  private CompletableFuture<Void> attempt(int g, Supplier<CompletableFuture<Void>> step, int n) {
    CompletableFuture<Void> f;
    try {
      f = step.get();
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    return f.exceptionallyCompose(e -> recover(g, step, n, Errors.unwrap(e)));
  }

  private CompletableFuture<Void> recover(
      int g, Supplier<CompletableFuture<Void>> step, int n, Throwable e) {
    if (!current(g)) {
      return DONE;
    }
    if (e instanceof ListenerCalls.ListenerFailure f) {
      Throwable cause = f.getCause();
      end(g, new EtcdException("the entity listener threw: " + cause, key(), cause));
      return DONE;
    }
    if (e instanceof CompactedException) {
      return resync();
    }
    if (e instanceof UnavailableException || e instanceof DeadlineExceededException) {
      return delay(n + 1).thenCompose(v -> retry(g, step, n + 1));
    }
    end(g, Errors.toEtcd(e, key(), false, false));
    return DONE;
  }

  private CompletableFuture<Void> retry(int g, Supplier<CompletableFuture<Void>> step, int n) {
    if (!current(g)) {
      return DONE;
    }
    if (rpc().isClosed()) {
      end(g, new EtcdException("the client is closed", key(), null));
      return DONE;
    }
    return attempt(g, step, n);
  }

  /** Drops the raw watcher, lists the range at one revision, delivers it, watches after it. */
  private CompletableFuture<Void> resync() {
    int g;
    Watcher old;
    synchronized (this) {
      if (ended) {
        return DONE;
      }
      g = ++generation;
      old = watcher;
      watcher = null;
    }
    if (old != null) {
      old.close();
    }
    return attempt(
        g,
        () ->
            decoder
                .list(start, end)
                .thenAccept(
                    events -> {
                      listener.deliver(events, () -> current(g));
                      open(events.get(0).revision() + 1, g);
                    }),
        0);
  }

  /** Ends the subscription once ({@code g} -1: by its owner); the terminal call comes last. */
  private void end(int g, @Nullable EtcdException error) {
    Watcher w;
    synchronized (this) {
      if (ended || (g >= 0 && g != generation)) {
        return;
      }
      ended = true;
      generation++;
      w = watcher;
      watcher = null;
      tail = tail.thenRun(() -> listener.terminal(error));
    }
    if (w != null) {
      w.close();
    }
    started.completeExceptionally(
        error != null ? error : new EtcdException("the subscription was closed", key(), null));
  }

  /** Whether steps of generation {@code g} may still run. */
  private synchronized boolean current(int g) {
    return !ended && g == generation;
  }

  private CompletableFuture<Void> delay(int attempt) {
    return CompletableFuture.runAsync(
        () -> {},
        CompletableFuture.delayedExecutor(rpc().backoffNanos(attempt), TimeUnit.NANOSECONDS));
  }

  private Rpc rpc() {
    return client.connection().rpc();
  }

  private String key() {
    return start.toStringUtf8();
  }

  @Override
  public String toString() {
    return "Subscription{"
        + store.entity
        + " under "
        + key()
        + ", revision "
        + listener.delivered()
        + "}";
  }
}
