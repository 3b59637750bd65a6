package io.typedetcd.repository;

import io.typedetcd.client.EtcdException;

/**
 * Receives a typed watch's events. Calls come one at a time, in revision order, on the client's
 * executor, and must not block for long: events queue up meanwhile, and too many waiting ends the
 * watch (see {@link EntityWatchOptions#withMaxPendingBatches}).
 *
 * <pre>{@code
 * Subscription s = services.watchAll(event -> System.out.println(event));
 * }</pre>
 *
 * <p>Every subscription ends with exactly one call of {@link #onError} or {@link #onClosed}, its
 * last. A listener that throws ends the subscription with {@code onError}.
 */
@FunctionalInterface
public interface EntityListener<T, ID> {
  void onEvent(EntityEvent<T, ID> event);

  /**
   * The watch ended and delivers nothing more: {@code PermissionDeniedException}, the client
   * closing, a listener that threw or was too slow. (Compaction does not end it: it resyncs.) By
   * default the error is logged at WARNING.
   */
  default void onError(EtcdException error) {
    System.getLogger(EntityListener.class.getName())
        .log(System.Logger.Level.WARNING, "entity watch ended: " + error.getMessage(), error);
  }

  /** The subscription was closed. */
  default void onClosed() {}
}
