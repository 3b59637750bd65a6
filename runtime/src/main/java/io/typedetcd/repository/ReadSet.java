package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.client.kv.GetResponse;
import io.typedetcd.client.kv.Op;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The reads the writes of one attempt depend on. A write asks for what it needs with {@link #get};
 * what is not there yet is noted, and {@link #fetch} reads every noted key at once, in read-only
 * transactions of at most {@code maxTxnOps} ranges each. Each write then guards on what it read, so
 * the reads need not be one snapshot. Not thread-safe: one attempt at a time.
 */
final class ReadSet {
  /** One key, or every key under a prefix. */
  record Read(ByteString key, boolean prefix) {
    Op.Get op() {
      return op(0);
    }

    /** The read at {@code revision} (0: the latest). */
    Op.Get op(long revision) {
      GetOptions o = prefix ? GetOptions.DEFAULT.withPrefix() : GetOptions.DEFAULT;
      return Op.get(key, o.withRevision(revision));
    }
  }

  private final Map<Read, GetResponse> done = new HashMap<>();
  private final Set<Read> pending = new LinkedHashSet<>();

  /** What {@code read} returned, or null (and it is noted) when it has not been fetched yet. */
  @Nullable GetResponse get(Read read) {
    GetResponse r = done.get(read);
    if (r == null) {
      pending.add(read);
    }
    return r;
  }

  /** Like {@link #get} for a read that must have been fetched. */
  GetResponse required(Read read) {
    GetResponse r = done.get(read);
    if (r == null) {
      throw new IllegalStateException("not read yet: " + read);
    }
    return r;
  }

  boolean hasPending() {
    return !pending.isEmpty();
  }

  /** Reads everything noted since the last fetch. */
  CompletableFuture<Void> fetch(TxnContext ctx) {
    List<Read> reads = new ArrayList<>(pending);
    pending.clear();
    List<CompletableFuture<Void>> calls = new ArrayList<>();
    for (int from = 0; from < reads.size(); from += ctx.maxTxnOps) {
      List<Read> group = reads.subList(from, Math.min(reads.size(), from + ctx.maxTxnOps));
      Op[] ops = group.stream().map(Read::op).toArray(Op[]::new);
      calls.add(
          ctx.kv
              .txn()
              .then(ops)
              .commit()
              .thenAccept(
                  r -> {
                    synchronized (done) {
                      for (int i = 0; i < group.size(); i++) {
                        done.put(group.get(i), r.getResponse(i));
                      }
                    }
                  }));
    }
    return CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0]));
  }
}
