package io.typedetcd.client.watch;

import io.typedetcd.client.EtcdException;
import io.typedetcd.testing.Eventually;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A listener that records everything and checks the callback contract as it goes. */
final class Recorder implements WatchListener {
  final List<WatchBatch> batches = new CopyOnWriteArrayList<>();
  final List<Long> progress = new CopyOnWriteArrayList<>();
  final AtomicReference<EtcdException> error = new AtomicReference<>();
  final AtomicBoolean closed = new AtomicBoolean();
  final List<String> violations = new CopyOnWriteArrayList<>();
  private final AtomicInteger inCallback = new AtomicInteger();
  private final AtomicInteger terminals = new AtomicInteger();

  @Override
  public void onEvents(WatchBatch batch) {
    enter("onEvents");
    try {
      batches.add(batch);
    } finally {
      inCallback.decrementAndGet();
    }
  }

  @Override
  public void onProgress(long revision) {
    enter("onProgress");
    try {
      progress.add(revision);
    } finally {
      inCallback.decrementAndGet();
    }
  }

  @Override
  public void onError(EtcdException e) {
    enter("onError");
    terminals.incrementAndGet();
    error.set(e);
    inCallback.decrementAndGet();
  }

  @Override
  public void onClosed() {
    enter("onClosed");
    terminals.incrementAndGet();
    closed.set(true);
    inCallback.decrementAndGet();
  }

  private void enter(String what) {
    if (inCallback.incrementAndGet() != 1) {
      violations.add(what + " ran concurrently with another callback");
    }
    if (terminals.get() > 0) {
      violations.add(what + " after the terminal callback");
    }
  }

  List<WatchEvent> events() {
    List<WatchEvent> all = new ArrayList<>();
    for (WatchBatch b : batches) {
      all.addAll(b.events());
    }
    return all;
  }

  List<String> keys() {
    return events().stream().map(e -> e.kv().key()).toList();
  }

  List<Long> revisions() {
    return events().stream().map(e -> e.kv().modRevision()).toList();
  }

  long lastRevision() {
    List<Long> r = revisions();
    return r.isEmpty() ? 0 : r.get(r.size() - 1);
  }

  void awaitEvents(int n) {
    Eventually.until(
        Duration.ofSeconds(20),
        () -> "want " + n + " events: " + keys(),
        () -> events().size() >= n);
  }

  EtcdException awaitError() {
    Eventually.until(
        Duration.ofSeconds(20), () -> "no error; events " + keys(), () -> error.get() != null);
    return error.get();
  }
}
