package io.typedetcd.repository;

/**
 * How {@code saveAll}, {@code deleteAll} and {@code deleteAllById} write a batch: in one
 * transaction ({@link #atomic()}) or in transactions that each fit etcd's limits ({@link
 * #chunked()}). Immutable; {@code withX} returns a copy.
 *
 * <pre>{@code
 * // all or nothing: refused before sending if it exceeds maxTxnOps or maxRequestBytes
 * orders.saveAll(batch, BatchOptions.atomic()).orThrow();
 *
 * // any size: each chunk is all or nothing, the result says which chunks applied
 * BatchResult<Order> r = orders.saveAll(batch, BatchOptions.chunked().withMaxChunkItems(50));
 * }</pre>
 *
 * <p>The limits are the client's {@code maxTxnOps} (operations per transaction branch, 128 unless
 * built otherwise) and {@code maxRequestBytes} (1.5 MiB): build the client with the server's
 * values. An entity takes one operation (a {@code FIELDS} entity one per property), plus one per
 * index key written or removed, plus its compares.
 */
public final class BatchOptions {
  private static final BatchOptions ATOMIC = new BatchOptions(true, Integer.MAX_VALUE);
  private static final BatchOptions CHUNKED = new BatchOptions(false, Integer.MAX_VALUE);

  private final boolean atomic;
  private final int maxChunkItems;

  private BatchOptions(boolean atomic, int maxChunkItems) {
    this.atomic = atomic;
    this.maxChunkItems = maxChunkItems;
  }

  /**
   * One transaction: every item is written or none. A batch that exceeds the client's limits is a
   * {@code TooManyTxnOpsException} or {@code RequestTooLargeException} before anything is written.
   */
  public static BatchOptions atomic() {
    return ATOMIC;
  }

  /**
   * Consecutive items in transactions sized under the client's limits, sent one after another; each
   * chunk is written whole or not at all, and a chunk that fails on a conflict does not stop the
   * next ones. Chunks are planned against the stored state, so two items of one batch cannot swap a
   * unique value (use {@link #atomic()} for that).
   */
  public static BatchOptions chunked() {
    return CHUNKED;
  }

  /** At most this many items per chunk (of a chunked batch); fewer ops per transaction. */
  public BatchOptions withMaxChunkItems(int items) {
    if (items < 1) {
      throw new IllegalArgumentException("items must be positive, was " + items);
    }
    return new BatchOptions(atomic, items);
  }

  public boolean isAtomic() {
    return atomic;
  }

  /** Items per chunk at most; {@code Integer.MAX_VALUE} when only etcd's limits decide. */
  public int maxChunkItems() {
    return maxChunkItems;
  }

  @Override
  public String toString() {
    return atomic
        ? "BatchOptions.atomic()"
        : "BatchOptions.chunked()"
            + (maxChunkItems == Integer.MAX_VALUE
                ? ""
                : ".withMaxChunkItems(" + maxChunkItems + ")");
  }
}
