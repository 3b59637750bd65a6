package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.Blocking;
import io.typedetcd.client.CompactedException;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.internal.KeyRanges;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.client.kv.GetResponse;
import io.typedetcd.client.kv.Op;
import io.typedetcd.client.kv.TxnResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * Reads entities through an index. A non-unique index is scanned in pages of at most {@code
 * maxTxnOps} entries, all at the revision of the first page; the entities of a page are fetched in
 * one transaction of range reads at that same revision, so index and entities are one snapshot.
 * Every entity is checked against the value it was found under and dropped when it no longer has it
 * (or is gone): an index written by a tool that bypassed the repository may be stale, and a stale
 * entry never yields a wrong entity. A unique index is one key naming the entity, which is then
 * read at that key's revision and checked the same way. A stored entity that does not decode is a
 * {@link MappingException}, as for any read.
 */
final class IndexReads<T, ID> {
  private final EntityType<T, ID> type;
  private final TxnContext ctx;

  IndexReads(EntityType<T, ID> type, TxnContext ctx) {
    this.type = type;
    this.ctx = ctx;
  }

  /** Matching entities in entity key order, at most {@code limit} (0: all). */
  CompletableFuture<List<T>> find(IndexDefinition<T> i, String value, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, was " + limit);
    }
    type.indexes.checkValue(i, value);
    if (i.unique()) {
      return findUnique(i, value).thenApply(o -> o.map(List::of).orElse(List.of()));
    }
    return EntityStore.retryCompacted(
        () -> pages(scan(i, value, limit), i, value, limit, new ArrayList<>()), 0);
  }

  /** How many entities have the value. */
  CompletableFuture<Long> count(IndexDefinition<T> i, String value) {
    type.indexes.checkValue(i, value);
    if (i.unique()) {
      return findUnique(i, value).thenApply(o -> o.isPresent() ? 1L : 0L);
    }
    return EntityStore.retryCompacted(() -> countPages(scan(i, value, 0), i, value, 0L), 0);
  }

  /** Matching entities, read lazily a page at a time at one revision; close the stream. */
  Stream<T> stream(IndexDefinition<T> i, String value) {
    type.indexes.checkValue(i, value);
    Iterator<T> it =
        i.unique()
            ? Blocking.get(findUnique(i, value)).stream().iterator()
            : new Paged(scan(i, value, 0), i, value);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** One page of the matching entities in entity key order; see {@link IndexPager}. */
  CompletableFuture<Page<T>> findPage(IndexDefinition<T> i, String value, PageRequest request) {
    type.indexes.checkValue(i, value);
    Objects.requireNonNull(request, "request");
    if (i.unique()) {
      if (request.token() != null) {
        // Unique pages are last pages: no token of this query exists; say what this one is.
        PageToken.decode(request.token(), type.indexes.unique(i, value), type.name, false);
        return CompletableFuture.completedFuture(new Page<>(List.of(), null, 0));
      }
      return uniquePage(i, value);
    }
    return IndexPager.page(
        this, ctx, type.name, i, type.indexes.valuePrefix(i, value), value, request);
  }

  private RangeScan scan(IndexDefinition<T> i, String value, int limit) {
    ByteString prefix = type.indexes.valuePrefix(i, value);
    long page = limit > 0 ? Math.min(limit, ctx.maxTxnOps) : ctx.maxTxnOps;
    return new RangeScan(ctx.kv, prefix, KeyRanges.prefixEnd(prefix), false, page, 0, true);
  }

  private CompletableFuture<List<T>> pages(
      RangeScan scan, IndexDefinition<T> i, String value, int limit, List<T> out) {
    return page(scan, i, value)
        .thenCompose(
            found -> {
              for (T e : found) {
                if (limit > 0 && out.size() == limit) {
                  break;
                }
                out.add(e);
              }
              if (scan.done() || (limit > 0 && out.size() == limit)) {
                return CompletableFuture.completedFuture(out);
              }
              return pages(scan, i, value, limit, out);
            });
  }

  private CompletableFuture<Long> countPages(
      RangeScan scan, IndexDefinition<T> i, String value, long count) {
    return page(scan, i, value)
        .thenCompose(
            found -> {
              long n = count + found.size();
              return scan.done()
                  ? CompletableFuture.completedFuture(n)
                  : countPages(scan, i, value, n);
            });
  }

  /** The next page of entries, their entities fetched at the scan's revision and checked. */
  private CompletableFuture<List<T>> page(RangeScan scan, IndexDefinition<T> i, String value) {
    return scan.next()
        .thenCompose(entries -> entities(entries.kvs(), scan.revision(), i, value))
        .thenApply(
            found -> {
              List<T> out = new ArrayList<>(found.size());
              for (T e : found) {
                if (e != null) {
                  out.add(e);
                }
              }
              return out;
            });
  }

  /**
   * The entities of index entries of {@code value}, read at {@code revision} in one transaction:
   * one element per entry, null where the entity is gone or no longer has the value.
   */
  CompletableFuture<List<@Nullable T>> entities(
      List<KeyValue> entries, long revision, IndexDefinition<T> i, String value) {
    if (entries.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    ByteString prefix = type.indexes.valuePrefix(i, value);
    Op[] gets = new Op[entries.size()];
    for (int k = 0; k < gets.length; k++) {
      ByteString entityKey = type.indexes.entityKeyOf(entries.get(k).keyBytes(), prefix);
      gets[k] = type.read(entityKey).op(revision);
    }
    return ctx.kv.txn().then(gets).commit().thenApply(r -> matching(r, i, value));
  }

  private List<@Nullable T> matching(TxnResponse r, IndexDefinition<T> i, String value) {
    List<@Nullable T> out = new ArrayList<>(r.responses().size());
    for (int k = 0; k < r.responses().size(); k++) {
      out.add(checked(r.getResponse(k), i, value));
    }
    return out;
  }

  private CompletableFuture<Optional<T>> findUnique(IndexDefinition<T> i, String value) {
    return uniquePage(i, value).thenApply(p -> p.content().stream().findFirst());
  }

  /** The entity of a unique value as a last page of at most one, with the revision it read at. */
  CompletableFuture<Page<T>> uniquePage(IndexDefinition<T> i, String value) {
    return ctx.kv
        .get(type.indexes.unique(i, value), GetOptions.DEFAULT)
        .thenCompose(
            u -> {
              long revision = u.header().revision();
              Page<T> none = new Page<>(List.of(), null, revision);
              if (u.kvs().isEmpty()) {
                return CompletableFuture.completedFuture(none);
              }
              KeyValue kv = u.kvs().get(0);
              ByteString holder = kv.valueBytes();
              ByteString root = type.mapper.root().prefix();
              if (holder.size() <= root.size() || !holder.startsWith(root)) {
                return CompletableFuture.completedFuture(none);
              }
              Op.Get get = type.read(holder).op(revision);
              return ctx.kv
                  .get(get.key(), get.options())
                  .thenApply(
                      r -> {
                        T e = checked(r, i, value);
                        return e == null ? none : new Page<>(List.of(e), null, revision);
                      });
            });
  }

  /**
   * The entity a read found if it still has the value; a MappingException if it does not decode.
   */
  private @Nullable T checked(GetResponse r, IndexDefinition<T> i, String value) {
    EntityType.Observed<T> o = type.observe(r);
    if (o.decodeError() != null) {
      throw o.decodeError();
    }
    T e = o.entity();
    return e != null && value.equals(type.indexes.value(i, e)) ? e : null;
  }

  /** The iterator of a stream: one page of entities buffered at a time. */
  private final class Paged implements Iterator<T> {
    private final RangeScan scan;
    private final IndexDefinition<T> index;
    private final String value;
    private final ArrayDeque<T> buffer = new ArrayDeque<>();

    Paged(RangeScan scan, IndexDefinition<T> index, String value) {
      this.scan = scan;
      this.index = index;
      this.value = value;
    }

    @Override
    public boolean hasNext() {
      while (buffer.isEmpty() && !scan.done()) {
        try {
          buffer.addAll(Blocking.get(page(scan, index, value)));
        } catch (CompactedException e) {
          throw new CompactedException(
              "the stream of "
                  + type.name
                  + " by "
                  + index.property()
                  + " reads one snapshot, and its revision "
                  + scan.revision()
                  + " was compacted while the stream was open; close it and start a new one",
              e.key(),
              e.compactRevision(),
              e);
        }
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
  }
}
