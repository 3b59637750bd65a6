package io.typedetcd.client.kv;

import com.google.protobuf.ByteString;
import io.typedetcd.proto.etcdserverpb.RangeRequest;
import java.util.Objects;

/**
 * How to read: which keys, at which revision, how many, sorted how, and what to return. Immutable;
 * each {@code withX} returns a copy.
 *
 * <pre>{@code
 * kv.get("/services/", GetOptions.DEFAULT.withPrefix().withLimit(100).withSerializable());
 * }</pre>
 */
public final class GetOptions {
  /** One key, latest revision, linearizable. */
  public static final GetOptions DEFAULT =
      new GetOptions(RangeRequest.getDefaultInstance(), KeyRange.KEY, ByteString.EMPTY);

  private final RangeRequest template;
  private final KeyRange range;
  private final ByteString end;

  private GetOptions(RangeRequest template, KeyRange range, ByteString end) {
    this.template = template;
    this.range = range;
    this.end = end;
  }

  /** Every key that starts with the key. */
  public GetOptions withPrefix() {
    return new GetOptions(template, KeyRange.PREFIX, ByteString.EMPTY);
  }

  /** Keys from the key (inclusive) to {@code end} (exclusive). */
  public GetOptions withRangeEnd(String end) {
    return withRangeEnd(ByteString.copyFromUtf8(end));
  }

  /** Keys from the key (inclusive) to {@code end} (exclusive). */
  public GetOptions withRangeEnd(ByteString end) {
    return new GetOptions(template, KeyRange.RANGE, Objects.requireNonNull(end, "end"));
  }

  /** Every key greater than or equal to the key. */
  public GetOptions withFromKey() {
    return new GetOptions(template, KeyRange.FROM_KEY, ByteString.EMPTY);
  }

  /** Reads the store as it was at this revision (0 = latest). */
  public GetOptions withRevision(long revision) {
    return with(template.toBuilder().setRevision(nonNegative("revision", revision)));
  }

  /** Returns at most this many keys (0 = no limit); the response says whether there are more. */
  public GetOptions withLimit(long limit) {
    return with(template.toBuilder().setLimit(nonNegative("limit", limit)));
  }

  /** Sorts the result. */
  public GetOptions withSort(SortTarget target, SortOrder order) {
    return with(
        template.toBuilder()
            .setSortTarget(RangeRequest.SortTarget.forNumber(target.ordinal()))
            .setSortOrder(RangeRequest.SortOrder.forNumber(order.ordinal())));
  }

  /** Served by any member from its local state: faster, possibly stale. */
  public GetOptions withSerializable() {
    return with(template.toBuilder().setSerializable(true));
  }

  /** Returns keys and revisions without values. */
  public GetOptions withKeysOnly() {
    return with(template.toBuilder().setKeysOnly(true));
  }

  /** Returns only the number of keys. */
  public GetOptions withCountOnly() {
    return with(template.toBuilder().setCountOnly(true));
  }

  /** Only keys last modified at or after this revision. */
  public GetOptions withMinModRevision(long revision) {
    return with(template.toBuilder().setMinModRevision(nonNegative("minModRevision", revision)));
  }

  /** Only keys last modified at or before this revision. */
  public GetOptions withMaxModRevision(long revision) {
    return with(template.toBuilder().setMaxModRevision(nonNegative("maxModRevision", revision)));
  }

  /** Only keys created at or after this revision. */
  public GetOptions withMinCreateRevision(long revision) {
    return with(
        template.toBuilder().setMinCreateRevision(nonNegative("minCreateRevision", revision)));
  }

  /** Only keys created at or before this revision. */
  public GetOptions withMaxCreateRevision(long revision) {
    return with(
        template.toBuilder().setMaxCreateRevision(nonNegative("maxCreateRevision", revision)));
  }

  /** The request for {@code key}, before any namespace is applied. */
  public RangeRequest toRequest(ByteString key) {
    return template.toBuilder().setKey(key).setRangeEnd(range.end(key, end)).build();
  }

  private GetOptions with(RangeRequest.Builder changed) {
    return new GetOptions(changed.build(), range, end);
  }

  static long nonNegative(String what, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must not be negative, was " + value);
    }
    return value;
  }

  @Override
  public String toString() {
    return "GetOptions{"
        + range
        + (range == KeyRange.RANGE ? " to " + end.toStringUtf8() : "")
        + ", "
        + template.toString().replace('\n', ' ').trim()
        + "}";
  }
}
