package io.typedetcd.client.kv;

import io.typedetcd.client.KeyValue;
import io.typedetcd.client.ResponseHeader;
import java.util.List;

/**
 * A delete's result.
 *
 * @param deleted how many keys were deleted
 * @param prevKvs the deleted key-values, when asked for with {@code withPrevKv()}
 */
public record DeleteResponse(ResponseHeader header, long deleted, List<KeyValue> prevKvs)
    implements OpResponse {
  public DeleteResponse {
    prevKvs = List.copyOf(prevKvs);
  }
}
