package io.typedetcd.repository;

/**
 * How a typed watch starts. Immutable; each {@code withX} returns a copy.
 *
 * <pre>{@code
 * services.watchAll(listener, EntityWatchOptions.DEFAULT.withStartRevision(checkpoint + 1));
 * services.watchAll(listener, EntityWatchOptions.DEFAULT.withInitialState());
 * }</pre>
 */
public final class EntityWatchOptions {
  /** Changes from now on; up to 1000 batches waiting for the listener. */
  public static final EntityWatchOptions DEFAULT = new EntityWatchOptions(0, false, 1000);

  private final long startRevision;
  private final boolean initialState;
  private final int maxPendingBatches;

  private EntityWatchOptions(long startRevision, boolean initialState, int maxPendingBatches) {
    this.startRevision = startRevision;
    this.initialState = initialState;
    this.maxPendingBatches = maxPendingBatches;
  }

  /**
   * Replays changes from this revision (inclusive) on; 0 (the default) means from now. If etcd has
   * compacted it, the watch starts with a {@link EntityEvent.Resync} of the current state instead.
   */
  public EntityWatchOptions withStartRevision(long revision) {
    if (revision < 0) {
      throw new IllegalArgumentException("startRevision must not be negative, was " + revision);
    }
    if (initialState && revision != 0) {
      throw new IllegalArgumentException("startRevision cannot be combined with initialState");
    }
    return new EntityWatchOptions(revision, initialState, maxPendingBatches);
  }

  /**
   * Starts with a {@link EntityEvent.Resync} of every watched entity at the current revision, then
   * delivers the changes after it: list-and-watch in one.
   */
  public EntityWatchOptions withInitialState() {
    if (startRevision != 0) {
      throw new IllegalArgumentException("initialState cannot be combined with a startRevision");
    }
    return new EntityWatchOptions(0, true, maxPendingBatches);
  }

  /**
   * How many etcd batches may wait for a slow listener before the watch ends with an error (default
   * 1000).
   */
  public EntityWatchOptions withMaxPendingBatches(int batches) {
    if (batches <= 0) {
      throw new IllegalArgumentException("maxPendingBatches must be positive, was " + batches);
    }
    return new EntityWatchOptions(startRevision, initialState, batches);
  }

  public long startRevision() {
    return startRevision;
  }

  public boolean initialState() {
    return initialState;
  }

  public int maxPendingBatches() {
    return maxPendingBatches;
  }

  @Override
  public String toString() {
    return "EntityWatchOptions{"
        + (initialState ? "initialState" : "startRevision=" + startRevision)
        + ", maxPendingBatches="
        + maxPendingBatches
        + "}";
  }
}
