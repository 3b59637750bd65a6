package io.typedetcd.client.lease;

import io.typedetcd.client.LeaseNotFoundException;
import org.jspecify.annotations.Nullable;

/**
 * A kept-alive lease is gone, handed to {@link KeepAliveListener#onLost}; its cause is the last
 * stream failure, if any.
 *
 * <pre>{@code
 * lease.keepAlive(id, lost -> log.warn("lease {} lost: {}", lost.leaseId(), lost.reason()));
 * }</pre>
 */
public class LeaseLostException extends LeaseNotFoundException {
  private static final long serialVersionUID = 1L;

  private final LeaseLostReason reason;

  public LeaseLostException(
      String message, long leaseId, LeaseLostReason reason, @Nullable Throwable cause) {
    super(message, leaseId, cause);
    this.reason = reason;
  }

  /** Whether etcd said so, or the TTL ran out without a successful refresh. */
  public LeaseLostReason reason() {
    return reason;
  }
}
