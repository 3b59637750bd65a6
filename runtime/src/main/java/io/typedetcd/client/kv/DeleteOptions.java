package io.typedetcd.client.kv;

import com.google.protobuf.ByteString;
import io.typedetcd.proto.etcdserverpb.DeleteRangeRequest;
import java.util.Objects;

/**
 * Which keys to delete and whether to return them. Immutable; each {@code withX} returns a copy.
 *
 * <pre>{@code
 * kv.delete("/sessions/", DeleteOptions.DEFAULT.withPrefix().withPrevKv());
 * }</pre>
 */
public final class DeleteOptions {
  public static final DeleteOptions DEFAULT =
      new DeleteOptions(false, KeyRange.KEY, ByteString.EMPTY);

  private final boolean prevKv;
  private final KeyRange range;
  private final ByteString end;

  private DeleteOptions(boolean prevKv, KeyRange range, ByteString end) {
    this.prevKv = prevKv;
    this.range = range;
    this.end = end;
  }

  /** Every key that starts with the key. */
  public DeleteOptions withPrefix() {
    return new DeleteOptions(prevKv, KeyRange.PREFIX, ByteString.EMPTY);
  }

  /** Keys from the key (inclusive) to {@code end} (exclusive). */
  public DeleteOptions withRangeEnd(String end) {
    return withRangeEnd(ByteString.copyFromUtf8(end));
  }

  /** Keys from the key (inclusive) to {@code end} (exclusive). */
  public DeleteOptions withRangeEnd(ByteString end) {
    return new DeleteOptions(prevKv, KeyRange.RANGE, Objects.requireNonNull(end, "end"));
  }

  /** Every key greater than or equal to the key. */
  public DeleteOptions withFromKey() {
    return new DeleteOptions(prevKv, KeyRange.FROM_KEY, ByteString.EMPTY);
  }

  /** Returns the deleted key-values. */
  public DeleteOptions withPrevKv() {
    return new DeleteOptions(true, range, end);
  }

  /** The request for {@code key}, before any namespace is applied. */
  public DeleteRangeRequest toRequest(ByteString key) {
    return DeleteRangeRequest.newBuilder()
        .setKey(key)
        .setRangeEnd(range.end(key, end))
        .setPrevKv(prevKv)
        .build();
  }

  @Override
  public String toString() {
    return "DeleteOptions{" + range + (prevKv ? ", prevKv" : "") + "}";
  }
}
