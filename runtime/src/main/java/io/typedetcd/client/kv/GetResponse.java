package io.typedetcd.client.kv;

import io.typedetcd.client.KeyValue;
import io.typedetcd.client.ResponseHeader;
import java.util.List;
import java.util.Optional;

/**
 * The keys a read found.
 *
 * @param kvs the key-values, empty for count-only reads
 * @param more whether a limit cut the result short
 * @param count how many keys are in the range in total
 */
public record GetResponse(ResponseHeader header, List<KeyValue> kvs, boolean more, long count)
    implements OpResponse {
  public GetResponse {
    kvs = List.copyOf(kvs);
  }

  /** The first key-value, if any: the one key of a single-key read. */
  public Optional<KeyValue> first() {
    return kvs.isEmpty() ? Optional.empty() : Optional.of(kvs.get(0));
  }
}
