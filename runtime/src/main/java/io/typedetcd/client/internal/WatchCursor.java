package io.typedetcd.client.internal;

import io.typedetcd.client.KeyValue;
import io.typedetcd.client.ResponseHeader;
import io.typedetcd.client.watch.WatchBatch;
import io.typedetcd.client.watch.WatchEvent;
import io.typedetcd.proto.etcdserverpb.WatchResponse;
import io.typedetcd.proto.mvccpb.Event;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One watcher's position in etcd's history: the revision to resume from after a stream failure,
 * reassembly of fragmented responses, and conversion of events (namespace stripped). It is what
 * makes resumption exact: events below the resume revision are dropped, so none is delivered twice,
 * and the resume revision only moves past revisions whose events were all queued.
 *
 * <p>Not thread-safe; the owner serializes access.
 */
final class WatchCursor {
  private final Namespace ns;
  private long next; // every event below this revision was queued; 0: "now", not yet registered
  private long reported; // newest revision queued for the listener
  private @Nullable List<Event> fragments;

  WatchCursor(Namespace ns, long startRevision) {
    this.ns = ns;
    this.next = startRevision;
  }

  /** The start revision for (re-)creating the watch; 0 means "now". */
  long resumeRevision() {
    return next;
  }

  /**
   * etcd registered the watch when its store was at {@code headerRevision}. A watch "from now" pins
   * its start here (etcd 3.4 watches from exactly {@code headerRevision + 1}), so a resume neither
   * skips nor repeats what happened since.
   */
  void created(long headerRevision) {
    if (next == 0) {
      next = headerRevision + 1;
    }
  }

  /** The stream broke: a half-received fragmented response is gone and will be resent whole. */
  void reset() {
    fragments = null;
  }

  /** Whether {@code r} carries events (or a fragment of them) rather than progress. */
  boolean hasEvents(WatchResponse r) {
    return r.getEventsCount() > 0 || r.getFragment() || fragments != null;
  }

  /**
   * The batch to deliver for an events response, or null while fragments are still arriving or when
   * every event repeats one already queued.
   */
  @Nullable WatchBatch events(WatchResponse r) {
    if (r.getFragment()) {
      if (fragments == null) {
        fragments = new ArrayList<>();
      }
      fragments.addAll(r.getEventsList());
      return null;
    }
    List<Event> all = r.getEventsList();
    if (fragments != null) {
      fragments.addAll(all);
      all = fragments;
      reset();
    }
    List<WatchEvent> out = new ArrayList<>(all.size());
    for (Event e : all) {
      if (e.getKv().getModRevision() >= next) {
        out.add(convert(e));
      }
    }
    if (out.isEmpty()) {
      return null;
    }
    WatchBatch batch = new WatchBatch(ResponseHeader.of(r.getHeader()), out);
    next = batch.revision() + 1;
    reported = Math.max(reported, batch.revision());
    return batch;
  }

  /**
   * A progress notification at {@code revision}: the revision to report, or 0 when it adds nothing.
   * With {@code trusted} (a notification for this watcher alone, which etcd sends after all its
   * events below the revision) it also moves the resume revision, to {@code revision} rather than
   * past it, in case events of that very revision are still on their way.
   */
  long progress(long revision, boolean trusted) {
    if (trusted) {
      next = Math.max(next, revision);
    }
    if (revision <= reported) {
      return 0;
    }
    reported = revision;
    return revision;
  }

  private WatchEvent convert(Event e) {
    WatchEvent.Type type =
        switch (e.getType()) {
          case PUT -> WatchEvent.Type.PUT;
          case DELETE -> WatchEvent.Type.DELETE;
          case UNRECOGNIZED -> throw new IllegalStateException("etcd sent an unknown event type");
        };
    KeyValue prev = e.hasPrevKv() ? KeyValue.of(ns.strip(e.getPrevKv())) : null;
    return new WatchEvent(type, KeyValue.of(ns.strip(e.getKv())), prev);
  }
}
