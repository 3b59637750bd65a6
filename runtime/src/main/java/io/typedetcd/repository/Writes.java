package io.typedetcd.repository;

import io.typedetcd.client.EtcdException;
import io.typedetcd.client.RequestTooLargeException;
import io.typedetcd.client.TooManyTxnOpsException;
import io.typedetcd.client.internal.Errors;
import io.typedetcd.client.kv.TxnResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Runs entity writes: each attempt reads what the writes need (batched), plans them, and commits
 * them in one transaction; conflicts on what the attempt read are retried ({@link Retries}).
 */
final class Writes {
  /** Rounds of reads one attempt may need: entities, then unique keys, then their holders. */
  private static final int MAX_READ_ROUNDS = 4;

  private Writes() {}

  /** One write on its own; completes with the write, its outcome taken. */
  static <W extends EntityWrite<?, ?>> CompletableFuture<W> one(TxnContext ctx, W write) {
    return atomic(ctx, List.of(write), write.describe()).thenApply(o -> write);
  }

  /** Every write in one transaction, retried as a whole on conflicts it can cure. */
  static CompletableFuture<Retries.Outcome<TxnResponse>> atomic(
      TxnContext ctx, List<? extends EntityWrite<?, ?>> writes, String what) {
    Batch.distinct(writes);
    return Retries.run(
        ctx,
        Retries.MAX_ATTEMPTS,
        n ->
            prepare(ctx, writes, true)
                .thenCompose(parts -> WriteTxn.of(parts, ctx, what).commit(ctx)));
  }

  /** A batch in one transaction; a conflict is reported as its one failed chunk. */
  static <T, ID, R> CompletableFuture<BatchResult<R>> atomicBatch(
      TxnContext ctx, List<EntityWrite<T, ID>> writes, Function<EntityWrite<T, ID>, R> result) {
    if (writes.isEmpty()) {
      return CompletableFuture.completedFuture(new BatchResult<>(0, List.of()));
    }
    String what = "an atomic batch of " + writes.size() + " " + writes.get(0).type.name + " writes";
    return atomic(ctx, writes, what)
        .handle(
            (o, e) -> {
              int n = writes.size();
              if (e == null) {
                List<R> results = new ArrayList<>(n);
                for (EntityWrite<T, ID> w : writes) {
                  results.add(result.apply(w));
                }
                long revision = o.value().header().revision();
                return new BatchResult<>(
                    n,
                    List.of(
                        new BatchResult.Chunk<>(
                            0, n, BatchResult.Status.APPLIED, results, null, revision)));
              }
              Throwable t = Errors.unwrap(e);
              if (t instanceof EtcdException failure && !isLimit(failure)) {
                return new BatchResult<>(
                    n,
                    List.of(
                        new BatchResult.Chunk<R>(
                            0, n, BatchResult.Status.FAILED, List.of(), failure, 0)));
              }
              throw t instanceof RuntimeException re ? re : Errors.toEtcd(t, null, false, false);
            });
  }

  /** A batch refused for its size: thrown, not reported as a chunk. */
  static boolean isLimit(Throwable t) {
    return t instanceof TooManyTxnOpsException || t instanceof RequestTooLargeException;
  }

  /**
   * Reads what {@code writes} need and plans them; {@code together}: as one transaction (a write
   * may take a unique value another gives up), else each against the stored state only.
   */
  static CompletableFuture<List<PreparedWrite>> prepare(
      TxnContext ctx, List<? extends EntityWrite<?, ?>> writes, boolean together) {
    for (EntityWrite<?, ?> w : writes) {
      w.reset();
    }
    ReadSet reads = new ReadSet();
    return resolve(ctx, writes, reads, 1)
        .thenApply(
            v -> {
              Batch batch = together ? Batch.of(writes) : Batch.solo();
              List<PreparedWrite> parts = new ArrayList<>(writes.size());
              for (EntityWrite<?, ?> w : writes) {
                parts.add(w.plan(reads, together ? batch : Batch.solo()));
              }
              return parts;
            });
  }

  /** Lets every write note its reads, fetches them, until all have what they need. */
  static CompletableFuture<Void> resolve(
      TxnContext ctx, List<? extends EntityWrite<?, ?>> writes, ReadSet reads, int round) {
    boolean ready = true;
    for (EntityWrite<?, ?> w : writes) {
      ready &= w.resolve(reads);
    }
    if (ready) {
      return CompletableFuture.completedFuture(null);
    }
    if (round > MAX_READ_ROUNDS || !reads.hasPending()) {
      throw new IllegalStateException("writes still need reads after " + round + " rounds");
    }
    return reads.fetch(ctx).thenCompose(v -> resolve(ctx, writes, reads, round + 1));
  }
}
