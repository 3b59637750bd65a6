package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.client.kv.GetResponse;
import io.typedetcd.client.kv.KV;
import io.typedetcd.client.kv.SortOrder;
import io.typedetcd.client.kv.SortTarget;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a key range page by page, in key order (or reversed), every page at the revision of the
 * first one, so the pages together are one consistent snapshot. The next page starts just after the
 * last key read (ascending: from {@code lastKey + "\0"}; descending: up to {@code lastKey},
 * exclusive). Not thread-safe: call {@link #next()} again only after the previous page arrived.
 *
 * <p>etcd 3.4 serves a descending page by reading the whole remaining range and sorting it, so a
 * descending scan costs the server more per page than an ascending one.
 */
final class RangeScan {
  private static final ByteString ZERO = ByteString.copyFrom(new byte[] {0});

  private final KV kv;
  private final ByteString start;
  private final ByteString end;
  private final boolean descending;
  private final long pageKeys;
  private final boolean keysOnly;
  private ByteString cursor; // ascending: the next start; descending: the next (exclusive) end
  private long revision;
  private boolean done;

  /**
   * A scan of {@code [start, end)} in pages of at most {@code pageKeys} keys (0: one page with
   * everything), at {@code revision} (0: the revision of the first page).
   */
  RangeScan(
      KV kv,
      ByteString start,
      ByteString end,
      boolean descending,
      long pageKeys,
      long revision,
      boolean keysOnly) {
    this.kv = kv;
    this.start = start;
    this.end = end;
    this.descending = descending;
    this.pageKeys = pageKeys;
    this.revision = revision;
    this.keysOnly = keysOnly;
    this.cursor = descending ? end : start;
  }

  /** Whether every page has been read. */
  boolean done() {
    return done;
  }

  /** The revision the scan reads at; 0 before the first page. */
  long revision() {
    return revision;
  }

  /** Reads the next page; call only when not {@link #done()}. */
  CompletableFuture<GetResponse> next() {
    if (done) {
      throw new IllegalStateException("the scan is done");
    }
    GetOptions options =
        GetOptions.DEFAULT
            .withRangeEnd(descending ? cursor : end)
            .withLimit(pageKeys)
            .withRevision(revision);
    if (descending) {
      options = options.withSort(SortTarget.KEY, SortOrder.DESCEND);
    }
    if (keysOnly) {
      options = options.withKeysOnly();
    }
    return kv.get(descending ? start : cursor, options).thenApply(this::advance);
  }

  private GetResponse advance(GetResponse page) {
    if (revision == 0) {
      revision = page.header().revision();
    }
    List<io.typedetcd.client.KeyValue> kvs = page.kvs();
    if (!page.more() || kvs.isEmpty()) {
      done = true;
    } else {
      ByteString last = kvs.get(kvs.size() - 1).keyBytes();
      cursor = descending ? last : last.concat(ZERO);
    }
    return page;
  }
}
