package io.typedetcd.client;

import org.jspecify.annotations.Nullable;

/**
 * The requested revision was compacted away: history before {@link #compactRevision()} is gone. A
 * reader restarts from a fresh snapshot; a watcher re-lists and watches from the new revision.
 */
public class CompactedException extends EtcdException {
  private static final long serialVersionUID = 1L;

  private final long compactRevision;

  public CompactedException(
      String message, @Nullable String key, long compactRevision, @Nullable Throwable cause) {
    super(message, key, cause);
    this.compactRevision = compactRevision;
  }

  /** The oldest revision still available, or 0 when etcd did not say. */
  public long compactRevision() {
    return compactRevision;
  }
}
