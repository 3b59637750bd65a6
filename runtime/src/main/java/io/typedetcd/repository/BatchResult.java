package io.typedetcd.repository;

import io.typedetcd.client.EtcdException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a batch write did, chunk by chunk (one chunk for an atomic batch). A chunk is a run of
 * consecutive items written in one transaction: all of them or none.
 *
 * <pre>{@code
 * BatchResult<Order> r = orders.saveAll(batch, BatchOptions.chunked());
 * for (BatchResult.Chunk<Order> c : r.failed()) {
 *   log.warn("items {} to {} not saved: {}", c.from(), c.to() - 1, c.failure().getMessage());
 * }
 * List<Order> saved = r.results(); // of the chunks that applied, in item order
 * }</pre>
 *
 * @param items how many items the batch had
 * @param chunks the chunks, in item order, covering every item
 * @param <R> per item: the stored entity for saves, whether it existed for deletes
 */
public record BatchResult<R>(int items, List<Chunk<R>> chunks) {
  public BatchResult {
    chunks = List.copyOf(chunks);
  }

  /** What happened to a chunk. */
  public enum Status {
    /** Written in one transaction. */
    APPLIED,
    /** Not written: a conflict, or a failure of the transaction (see the failure). */
    FAILED,
    /** Not sent: an earlier chunk failed in a way that stops the batch (etcd unavailable...). */
    NOT_ATTEMPTED
  }

  /**
   * Items {@code from} (inclusive) to {@code to} (exclusive) of the batch.
   *
   * @param results one per item when applied, else empty
   * @param failure why the chunk failed; null otherwise
   * @param revision the revision of the transaction that applied it; 0 otherwise
   */
  public record Chunk<R>(
      int from,
      int to,
      Status status,
      List<R> results,
      @Nullable EtcdException failure,
      long revision) {
    public Chunk {
      results = List.copyOf(results);
      Objects.requireNonNull(status, "status");
    }

    public boolean applied() {
      return status == Status.APPLIED;
    }
  }

  /** Whether every chunk applied. */
  public boolean allApplied() {
    return chunks.stream().allMatch(Chunk::applied);
  }

  /** The results of the chunks that applied, in item order. */
  public List<R> results() {
    List<R> out = new ArrayList<>();
    for (Chunk<R> c : chunks) {
      out.addAll(c.results());
    }
    return out;
  }

  /** The chunks that failed. */
  public List<Chunk<R>> failed() {
    return chunks.stream().filter(c -> c.status() == Status.FAILED).toList();
  }

  /** Every item's result, or the first failure: for atomic batches, where there is one chunk. */
  public List<R> orThrow() {
    for (Chunk<R> c : chunks) {
      if (c.failure() != null) {
        throw c.failure();
      }
    }
    if (!allApplied()) {
      throw new IllegalStateException("chunks were not attempted: " + this);
    }
    return results();
  }
}
