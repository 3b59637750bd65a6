package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.internal.KeyRanges;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.client.kv.GetResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Reads one {@link Page} of the entities with one value of a non-unique index. Entries sort by
 * entity key under the value's prefix, so pages come in entity key order. Each read takes at most
 * one entry more than the page still needs (and at most {@code maxTxnOps}), fetches their entities
 * at the page's revision and drops the stale ones; the first entry beyond a full page is where the
 * next page starts. The token is scoped to the value's prefix, so a token of another value (or of a
 * key prefix) is refused.
 */
final class IndexPager<T> {
  private static final ByteString ZERO = ByteString.copyFrom(new byte[] {0});

  private final IndexReads<T, ?> reads;
  private final TxnContext ctx;
  private final IndexDefinition<T> index;
  private final ByteString prefix;
  private final String value;
  private final int size;
  private final List<T> content = new ArrayList<>();
  private long revision;

  private IndexPager(
      IndexReads<T, ?> reads,
      TxnContext ctx,
      IndexDefinition<T> index,
      ByteString prefix,
      String value,
      int size,
      long revision) {
    this.reads = reads;
    this.ctx = ctx;
    this.index = index;
    this.prefix = prefix;
    this.value = value;
    this.size = size;
    this.revision = revision;
  }

  /**
   * @param entity the entity name, for messages
   * @param prefix where the entries of {@code value} start
   */
  static <T> CompletableFuture<Page<T>> page(
      IndexReads<T, ?> reads,
      TxnContext ctx,
      String entity,
      IndexDefinition<T> index,
      ByteString prefix,
      String value,
      PageRequest request) {
    String token = request.token();
    if (token == null) {
      return EntityStore.retryCompacted(
          () -> new IndexPager<>(reads, ctx, index, prefix, value, request.size(), 0).read(prefix),
          0);
    }
    PageToken t = PageToken.decode(token, prefix, entity, false);
    IndexPager<T> pager =
        new IndexPager<>(reads, ctx, index, prefix, value, request.size(), t.revision());
    return Pager.expired(
        pager.read(t.nextKey()),
        t.revision(),
        "the pages of " + entity + " entities with " + index.property() + " '" + value + "'",
        prefix.toStringUtf8());
  }

  private CompletableFuture<Page<T>> read(ByteString from) {
    long want = Math.min(size - content.size() + 1L, ctx.maxTxnOps);
    GetOptions options =
        GetOptions.DEFAULT
            .withRangeEnd(KeyRanges.prefixEnd(prefix))
            .withLimit(want)
            .withRevision(revision)
            .withKeysOnly();
    return ctx.kv.get(from, options).thenCompose(this::accept);
  }

  private CompletableFuture<Page<T>> accept(GetResponse r) {
    if (revision == 0) {
      revision = r.header().revision();
    }
    List<KeyValue> entries = r.kvs();
    return reads
        .entities(entries, revision, index, value)
        .thenCompose(
            found -> {
              for (int k = 0; k < entries.size(); k++) {
                if (content.size() == size) {
                  return done(entries.get(k).keyBytes());
                }
                T e = found.get(k);
                if (e != null) {
                  content.add(e);
                }
              }
              if (!r.more() || entries.isEmpty()) {
                return done(null);
              }
              ByteString after = entries.get(entries.size() - 1).keyBytes().concat(ZERO);
              // Full, with entries left at this revision: the next page starts after the last.
              return content.size() == size ? done(after) : read(after);
            });
  }

  private CompletableFuture<Page<T>> done(@Nullable ByteString next) {
    String token = next == null ? null : new PageToken(revision, next).encode(prefix, false);
    return CompletableFuture.completedFuture(new Page<>(content, token, revision));
  }
}
