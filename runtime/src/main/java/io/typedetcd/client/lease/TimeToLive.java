package io.typedetcd.client.lease;

import com.google.protobuf.ByteString;
import java.time.Duration;
import java.util.List;

/**
 * What etcd says about a live lease.
 *
 * <pre>{@code
 * TimeToLive t = Blocking.get(client.lease().timeToLive(id, true));
 * if (t.remaining().toSeconds() < 2) { ... }
 * }</pre>
 *
 * @param id the lease
 * @param remaining how long until it expires unless refreshed (whole seconds)
 * @param granted the TTL it was granted
 * @param keys the keys attached to it (only when asked for), without the client's namespace
 */
public record TimeToLive(long id, Duration remaining, Duration granted, List<ByteString> keys) {
  public TimeToLive {
    keys = List.copyOf(keys);
  }

  /** The keys as UTF-8 strings. */
  public List<String> keyStrings() {
    return keys.stream().map(ByteString::toStringUtf8).toList();
  }
}
