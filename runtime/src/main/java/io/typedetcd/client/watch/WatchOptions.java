package io.typedetcd.client.watch;

import com.google.protobuf.ByteString;
import io.typedetcd.client.internal.KeyRanges;
import io.typedetcd.proto.etcdserverpb.WatchCreateRequest;
import java.util.Objects;

/**
 * What to watch and how. Immutable; each {@code withX} returns a copy.
 *
 * <pre>{@code
 * WatchOptions.DEFAULT.withPrefix().withStartRevision(lastSeen + 1).withPrevKv();
 * }</pre>
 */
public final class WatchOptions {
  /** One key, changes from now on, up to 1000 undelivered batches. */
  public static final WatchOptions DEFAULT =
      new WatchOptions(WatchCreateRequest.getDefaultInstance(), Range.KEY, ByteString.EMPTY, 1000);

  private enum Range {
    KEY,
    PREFIX,
    FROM_KEY,
    RANGE
  }

  private final WatchCreateRequest template;
  private final Range range;
  private final ByteString end;
  private final int maxPendingBatches;

  private WatchOptions(WatchCreateRequest template, Range range, ByteString end, int maxPending) {
    this.template = template;
    this.range = range;
    this.end = end;
    this.maxPendingBatches = maxPending;
  }

  /** Every key that starts with the key. */
  public WatchOptions withPrefix() {
    return new WatchOptions(template, Range.PREFIX, ByteString.EMPTY, maxPendingBatches);
  }

  /** Keys from the key (inclusive) to {@code end} (exclusive). */
  public WatchOptions withRangeEnd(String end) {
    return withRangeEnd(ByteString.copyFromUtf8(Objects.requireNonNull(end, "end")));
  }

  /** Keys from the key (inclusive) to {@code end} (exclusive). */
  public WatchOptions withRangeEnd(ByteString end) {
    return new WatchOptions(
        template, Range.RANGE, Objects.requireNonNull(end, "end"), maxPendingBatches);
  }

  /** Every key greater than or equal to the key. */
  public WatchOptions withFromKey() {
    return new WatchOptions(template, Range.FROM_KEY, ByteString.EMPTY, maxPendingBatches);
  }

  /**
   * Replays history from this revision (inclusive) before live changes. 0, the default, means
   * "changes after now", never "from the beginning"; use 1 for the whole retained history.
   */
  public WatchOptions withStartRevision(long revision) {
    if (revision < 0) {
      throw new IllegalArgumentException("startRevision must not be negative, was " + revision);
    }
    return with(template.toBuilder().setStartRevision(revision));
  }

  /** Each event also carries the key's previous value. */
  public WatchOptions withPrevKv() {
    return with(template.toBuilder().setPrevKv(true));
  }

  /** Leaves out PUT events. */
  public WatchOptions withNoPut() {
    return withFilter(WatchCreateRequest.FilterType.NOPUT);
  }

  /** Leaves out DELETE events. */
  public WatchOptions withNoDelete() {
    return withFilter(WatchCreateRequest.FilterType.NODELETE);
  }

  /**
   * etcd sends periodic progress notifications (every 10 minutes unless the server sets {@code
   * --experimental-watch-progress-notify-interval}) to {@link WatchListener#onProgress} while the
   * watch is quiet; they also let a resumed watch start from a newer revision.
   */
  public WatchOptions withProgressNotify() {
    return with(template.toBuilder().setProgressNotify(true));
  }

  /**
   * Lets etcd split a revision too large for one message (beyond its {@code --max-request-bytes})
   * into fragments; the client reassembles them, so listeners still see the whole revision.
   */
  public WatchOptions withFragment() {
    return with(template.toBuilder().setFragment(true));
  }

  /**
   * How many batches may wait for a slow listener before the watcher is ended with an error
   * (default 1000). Bounds the memory a stalled listener can hold.
   */
  public WatchOptions withMaxPendingBatches(int batches) {
    if (batches <= 0) {
      throw new IllegalArgumentException("maxPendingBatches must be positive, was " + batches);
    }
    return new WatchOptions(template, range, end, batches);
  }

  public int maxPendingBatches() {
    return maxPendingBatches;
  }

  /**
   * The create request for {@code key}, before any namespace is applied.
   *
   * @throws IllegalArgumentException if the key range is empty
   */
  public WatchCreateRequest toRequest(ByteString key) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty() && range != Range.PREFIX && range != Range.FROM_KEY) {
      throw new IllegalArgumentException(
          "key must not be empty (watch every key with withPrefix() on \"\")");
    }
    ByteString rangeEnd =
        switch (range) {
          case KEY -> ByteString.EMPTY;
          case PREFIX -> key.isEmpty() ? KeyRanges.FROM_KEY_END : KeyRanges.prefixEnd(key);
          case FROM_KEY -> KeyRanges.FROM_KEY_END;
          case RANGE -> end;
        };
    if (range == Range.RANGE
        && !end.equals(KeyRanges.FROM_KEY_END)
        && !end.isEmpty()
        && ByteString.unsignedLexicographicalComparator().compare(key, end) >= 0) {
      throw new IllegalArgumentException(
          "rangeEnd '" + end.toStringUtf8() + "' must sort after key '" + key.toStringUtf8() + "'");
    }
    return template.toBuilder().setKey(key).setRangeEnd(rangeEnd).build();
  }

  private WatchOptions withFilter(WatchCreateRequest.FilterType filter) {
    if (template.getFiltersList().contains(filter)) {
      return this;
    }
    return with(template.toBuilder().addFilters(filter));
  }

  private WatchOptions with(WatchCreateRequest.Builder changed) {
    return new WatchOptions(changed.build(), range, end, maxPendingBatches);
  }

  @Override
  public String toString() {
    return "WatchOptions{"
        + range
        + (range == Range.RANGE ? " to " + end.toStringUtf8() : "")
        + ", maxPendingBatches="
        + maxPendingBatches
        + ", "
        + template.toString().replace('\n', ' ').trim()
        + "}";
  }
}
