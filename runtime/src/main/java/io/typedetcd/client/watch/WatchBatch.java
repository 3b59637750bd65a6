package io.typedetcd.client.watch;

import io.typedetcd.client.ResponseHeader;
import java.util.List;

/**
 * The events of one etcd watch response, in revision order: every event of a revision is in the
 * same batch (a fragmented response is reassembled first), and a batch may span several revisions
 * when etcd replays history.
 *
 * <pre>{@code
 * watch.watch("/config/", WatchOptions.DEFAULT.withPrefix(), batch -> {
 *   batch.events().forEach(e -> apply(e));
 *   checkpoint(batch.revision());
 * });
 * }</pre>
 *
 * @param header etcd's header; {@code header().revision()} is the store revision when etcd sent the
 *     batch, which may be newer than its events
 * @param events never empty
 */
public record WatchBatch(ResponseHeader header, List<WatchEvent> events) {
  public WatchBatch {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("events: a watch batch has at least one event");
    }
    events = List.copyOf(events);
  }

  /** The mod revision of the newest event: every change up to it has been delivered. */
  public long revision() {
    return events.get(events.size() - 1).kv().modRevision();
  }
}
