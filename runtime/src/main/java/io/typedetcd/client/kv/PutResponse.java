package io.typedetcd.client.kv;

import io.typedetcd.client.KeyValue;
import io.typedetcd.client.ResponseHeader;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A put's result; {@code header().revision()} is the revision it created.
 *
 * @param prevKv the key-value before the put, when asked for with {@code withPrevKv()} and the key
 *     existed
 */
public record PutResponse(ResponseHeader header, @Nullable KeyValue prevKv) implements OpResponse {
  /** The key-value before the put, if asked for and present. */
  public Optional<KeyValue> previous() {
    return Optional.ofNullable(prevKv);
  }
}
