package io.typedetcd.repository;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.CompactedException;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.kv.GetResponse;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The iterator behind a repository stream: reads the next page only when every entity of the
 * previous one was handed out, so it holds at most one page (plus the one entity a {@code FIELDS}
 * page may end in the middle of). Not thread-safe, like any iterator.
 */
final class EntityIterator<T> implements Iterator<T>, AutoCloseable {
  /** Hears about every page read; for tests that check paging. */
  interface PageObserver {
    /**
     * A page of {@code keys} keys was read at {@code revision} while {@code buffered} entities of
     * earlier pages were still waiting to be handed out.
     */
    void onPage(int keys, long revision, int buffered);
  }

  private final RangeScan scan;
  private final Assembler<T> assembler;
  private final Supplier<String> compactedMessage;
  private final @Nullable PageObserver observer;
  private final ArrayDeque<T> buffer = new ArrayDeque<>();
  private boolean finished;
  private boolean closed;

  EntityIterator(
      RangeScan scan,
      Assembler<T> assembler,
      Supplier<String> compactedMessage,
      @Nullable PageObserver observer) {
    this.scan = scan;
    this.assembler = assembler;
    this.compactedMessage = compactedMessage;
    this.observer = observer;
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      throw new IllegalStateException("the stream is closed");
    }
    while (buffer.isEmpty() && !finished) {
      fetch();
    }
    return !buffer.isEmpty();
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return buffer.removeFirst();
  }

  private void fetch() {
    if (scan.done()) {
      finish();
      return;
    }
    GetResponse page;
    try {
      page = Blocking.get(scan.next());
    } catch (CompactedException e) {
      throw new CompactedException(
          compactedMessage.get() + " (revision " + scan.revision() + ")",
          e.key(),
          e.compactRevision(),
          e);
    }
    if (observer != null) {
      observer.onPage(page.kvs().size(), scan.revision(), buffer.size());
    }
    for (KeyValue kv : page.kvs()) {
      assembler.accept(kv, buffer);
    }
    if (scan.done()) {
      finish();
    }
  }

  private void finish() {
    assembler.finish(buffer);
    finished = true;
  }

  /** Drops what is buffered; the stream cannot be used afterwards. Idempotent. */
  @Override
  public void close() {
    closed = true;
    finished = true;
    buffer.clear();
  }
}
