package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.internal.Errors;
import io.typedetcd.client.kv.Op;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A batch in chunks: every item is read and planned against the stored state, consecutive items are
 * grouped into transactions under the client's limits (and {@link BatchOptions#maxChunkItems()}),
 * and the chunks are committed one after another, each retried on its own on curable conflicts. Two
 * items taking the same unique value never share a chunk (the later one then fails on it). An item
 * that cannot fit any transaction fails the batch before anything is sent; an item refused by its
 * own plan (a conflict seen in its reads) is a failed chunk of its own. A chunk failing on a
 * conflict does not stop the next ones; any other failure (etcd unavailable, outcome unknown) does:
 * the chunks after it are not attempted.
 */
final class ChunkedWrites<T, ID, R> {
  private final TxnContext ctx;
  private final List<EntityWrite<T, ID>> writes;
  private final BatchOptions options;
  private final Function<EntityWrite<T, ID>, R> result;
  private final String what;
  private final List<BatchResult.Chunk<R>> done = new ArrayList<>();
  private boolean stopped;

  /** A planned chunk: its items and their plans, or the failure of its one item's plan. */
  private record Planned(
      int from, int to, @Nullable List<PreparedWrite> parts, @Nullable EtcdException failure) {}

  private ChunkedWrites(
      TxnContext ctx,
      List<EntityWrite<T, ID>> writes,
      BatchOptions options,
      Function<EntityWrite<T, ID>, R> result) {
    this.ctx = ctx;
    this.writes = writes;
    this.options = options;
    this.result = result;
    this.what =
        "a batch of " + writes.size() + " " + (writes.isEmpty() ? "" : writes.get(0).type.name);
  }

  static <T, ID, R> CompletableFuture<BatchResult<R>> run(
      TxnContext ctx,
      List<EntityWrite<T, ID>> writes,
      BatchOptions options,
      Function<EntityWrite<T, ID>, R> result) {
    Batch.distinct(writes);
    if (writes.isEmpty()) {
      return CompletableFuture.completedFuture(new BatchResult<>(0, List.of()));
    }
    ChunkedWrites<T, ID, R> c = new ChunkedWrites<>(ctx, writes, options, result);
    for (EntityWrite<T, ID> w : writes) {
      w.reset();
    }
    ReadSet reads = new ReadSet();
    return Writes.resolve(ctx, writes, reads, 1)
        .thenCompose(v -> c.commit(c.split(reads), 0))
        .thenApply(v -> new BatchResult<>(writes.size(), c.done));
  }

  private List<Planned> split(ReadSet reads) {
    List<Planned> out = new ArrayList<>();
    List<PreparedWrite> current = new ArrayList<>();
    Set<ByteString> puts = new HashSet<>();
    int from = 0;
    int when = 0;
    int then = 0;
    int orElse = 0;
    int bytes = 0;
    for (int i = 0; i < writes.size(); i++) {
      EntityWrite<T, ID> w = writes.get(i);
      PreparedWrite p;
      try {
        p = w.plan(reads, Batch.solo());
      } catch (EtcdException e) {
        if (!current.isEmpty()) {
          out.add(new Planned(from, i, List.copyOf(current), null));
        }
        out.add(new Planned(i, i + 1, null, e));
        current.clear();
        puts.clear();
        from = i + 1;
        when = then = orElse = bytes = 0;
        continue;
      }
      WriteTxn alone = WriteTxn.measure(List.of(p), ctx);
      if (!alone.fits(ctx)) {
        WriteTxn.of(List.of(p), ctx, w.describe() + " alone"); // throws the size error
      }
      Set<ByteString> itemPuts = putKeys(p);
      boolean fits =
          current.size() < options.maxChunkItems()
              && when + alone.whenCount() <= ctx.maxTxnOps
              && then + alone.thenCount() <= ctx.maxTxnOps
              && orElse + alone.orElseCount() <= ctx.maxTxnOps
              && bytes + alone.bytes() <= ctx.maxRequestBytes
              && itemPuts.stream().noneMatch(puts::contains);
      if (!fits && !current.isEmpty()) {
        out.add(new Planned(from, i, List.copyOf(current), null));
        current.clear();
        puts.clear();
        from = i;
        when = then = orElse = bytes = 0;
      }
      current.add(p);
      puts.addAll(itemPuts);
      when += alone.whenCount();
      then += alone.thenCount();
      orElse += alone.orElseCount();
      bytes += alone.bytes();
    }
    if (!current.isEmpty()) {
      out.add(new Planned(from, writes.size(), List.copyOf(current), null));
    }
    return out;
  }

  private static Set<ByteString> putKeys(PreparedWrite p) {
    Set<ByteString> keys = new HashSet<>();
    for (Op op : p.plan().then()) {
      if (op instanceof Op.Put) {
        keys.add(op.key());
      }
    }
    return keys;
  }

  private CompletableFuture<Void> commit(List<Planned> chunks, int first) {
    int k = first;
    while (k < chunks.size() && (stopped || chunks.get(k).failure() != null)) {
      Planned c = chunks.get(k++);
      record(c, stopped ? BatchResult.Status.NOT_ATTEMPTED : BatchResult.Status.FAILED, null, 0);
    }
    if (k == chunks.size()) {
      return CompletableFuture.completedFuture(null);
    }
    Planned c = chunks.get(k);
    int next = k + 1;
    List<EntityWrite<T, ID>> items = writes.subList(c.from(), c.to());
    String chunk = "items " + c.from() + " to " + (c.to() - 1) + " of " + what + " writes";
    return Retries.run(
            ctx,
            Retries.MAX_ATTEMPTS,
            n ->
                n == 1
                    ? WriteTxn.of(c.parts(), ctx, chunk).commit(ctx)
                    : Writes.prepare(ctx, items, false)
                        .thenCompose(parts -> WriteTxn.of(parts, ctx, chunk).commit(ctx)))
        .handle(
            (o, e) -> {
              if (e == null) {
                record(c, BatchResult.Status.APPLIED, null, o.value().header().revision());
              } else {
                EtcdException failure = Errors.toEtcd(e, null, true, true);
                record(c, BatchResult.Status.FAILED, failure, 0);
                stopped = !isConflict(failure);
              }
              return null;
            })
        .thenCompose(v -> commit(chunks, next));
  }

  private void record(Planned c, BatchResult.Status status, @Nullable EtcdException e, long rev) {
    List<R> results = new ArrayList<>();
    if (status == BatchResult.Status.APPLIED) {
      for (EntityWrite<T, ID> w : writes.subList(c.from(), c.to())) {
        results.add(result.apply(w));
      }
    }
    EtcdException failure = status == BatchResult.Status.FAILED && e == null ? c.failure() : e;
    done.add(new BatchResult.Chunk<>(c.from(), c.to(), status, results, failure, rev));
  }

  /** Failures that concern the chunk's items only; the batch goes on after them. */
  private static boolean isConflict(EtcdException e) {
    return e instanceof EntityExistsException
        || e instanceof OptimisticLockException
        || e instanceof UniqueConstraintException
        || e instanceof EntityNotFoundException
        || e instanceof MappingException
        || Writes.isLimit(e);
  }
}
