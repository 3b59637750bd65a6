package io.typedetcd.client.lease;

import java.time.Duration;

/**
 * Hears about a lease kept alive by {@link Lease#keepAlive}. Calls for one handle come one at a
 * time, in order, on the client's executor; exactly one of {@link #onLost} and {@link #onClosed}
 * ends them.
 *
 * <pre>{@code
 * client.lease().keepAlive(id, new KeepAliveListener() {
 *   public void onLost(LeaseLostException e) { stopServing(); }
 *   public void onKeepAlive(Duration ttl) { lastRefresh = Instant.now(); }
 * });
 * }</pre>
 */
@FunctionalInterface
public interface KeepAliveListener {
  /** A refresh succeeded; the lease now has {@code ttl} to live. */
  default void onKeepAlive(Duration ttl) {}

  /**
   * The lease is gone, or must be taken as gone: act no longer as its holder. Nothing more follows.
   * See {@link LeaseLostException#reason()}.
   */
  void onLost(LeaseLostException lost);

  /**
   * Keeping alive stopped because the handle or the client was closed; the lease was not revoked.
   * Nothing more follows.
   */
  default void onClosed() {}
}
