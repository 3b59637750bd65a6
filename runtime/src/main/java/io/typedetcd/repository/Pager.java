package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.CompactedException;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.internal.Errors;
import io.typedetcd.client.internal.KeyRanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Reads one {@link Page} of a prefix: up to {@code size} entities from the token's key on, at the
 * token's revision (a first page: from the prefix, at the current revision), in key order or, for a
 * descending sequence, in reverse key order from the token's key down. A page counts entities: a
 * {@code FIELDS} page reads on until the first key of entity {@code size + 1} shows up (or the
 * range ends), and that key is where the next page starts, so an entity never straddles two pages.
 * Reading one key past the last entity is also how a page knows whether one follows.
 */
final class Pager<T> {
  private static final ByteString ZERO = ByteString.copyFrom(new byte[] {0});

  private final EntityStore<T, ?> store;
  private final ByteString prefix;
  private final int size;
  private final boolean descending;
  private final Assembler<T> assembler;
  private final List<T> content = new ArrayList<>();
  private @Nullable ByteString next;

  private Pager(EntityStore<T, ?> store, ByteString prefix, int size, boolean descending) {
    this.store = store;
    this.prefix = prefix;
    this.size = size;
    this.descending = descending;
    this.assembler = store.assembler();
  }

  static <T> CompletableFuture<Page<T>> page(
      EntityStore<T, ?> store, ByteString prefix, PageRequest request, boolean descending) {
    store.checkPrefix(prefix);
    Objects.requireNonNull(request, "request");
    String token = request.token();
    ByteString end = KeyRanges.prefixEnd(prefix);
    if (token == null) {
      // A first page may take several reads; if its fresh snapshot is compacted meanwhile,
      // nothing was returned yet: read it again.
      return EntityStore.retryCompacted(
          () -> new Pager<>(store, prefix, request.size(), descending).read(prefix, end, 0), 0);
    }
    PageToken t = PageToken.decode(token, prefix, store.entity, descending);
    Pager<T> pager = new Pager<>(store, prefix, request.size(), descending);
    CompletableFuture<Page<T>> read =
        descending
            ? pager.read(prefix, t.nextKey().concat(ZERO), t.revision()) // down from nextKey
            : pager.read(t.nextKey(), end, t.revision());
    return expired(
        read,
        t.revision(),
        "the pages of " + store.entity + " entities under '" + prefix.toStringUtf8() + "'",
        prefix.toStringUtf8());
  }

  /**
   * A later page's read, its compaction turned into a {@link PageExpiredException}.
   *
   * @param what "the pages of ...", what the message says was read at {@code revision}
   */
  static <P> CompletableFuture<P> expired(
      CompletableFuture<P> read, long revision, String what, String key) {
    return read.exceptionallyCompose(
        e -> {
          if (Errors.unwrap(e) instanceof CompactedException c) {
            return CompletableFuture.failedFuture(
                new PageExpiredException(
                    what
                        + " were read at revision "
                        + revision
                        + ", which etcd has since compacted; read again from the first page",
                    key,
                    revision,
                    c));
          }
          return CompletableFuture.failedFuture(e);
        });
  }

  /** Reads {@code [from, end)} (descending: from {@code end} down) at {@code revision}. */
  private CompletableFuture<Page<T>> read(ByteString from, ByteString end, long revision) {
    long pageKeys = (long) size * store.keysPerEntity() + 1;
    return pages(new RangeScan(store.kv, from, end, descending, pageKeys, revision, false));
  }

  private CompletableFuture<Page<T>> pages(RangeScan scan) {
    return scan.next()
        .thenCompose(
            r -> {
              for (KeyValue kv : r.kvs()) {
                if (accept(kv)) {
                  return CompletableFuture.completedFuture(done(scan));
                }
              }
              if (scan.done()) {
                assembler.finish(content);
                return CompletableFuture.completedFuture(done(scan));
              }
              return pages(scan);
            });
  }

  /** Takes one key; true once it is known to start the next page. */
  private boolean accept(KeyValue kv) {
    if (content.size() == size) {
      next = kv.keyBytes(); // one key per entity: this one is beyond the page
      return true;
    }
    int before = content.size();
    assembler.accept(kv, content);
    if (store.groupsKeys() && before < size && content.size() == size) {
      next = kv.keyBytes(); // it finished entity `size` by starting another one
      return true;
    }
    return false;
  }

  private Page<T> done(RangeScan scan) {
    String token =
        next == null ? null : new PageToken(scan.revision(), next).encode(prefix, descending);
    return new Page<>(content, token, scan.revision());
  }
}
