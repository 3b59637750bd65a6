package io.typedetcd.client.lease;

/**
 * Why a kept-alive lease was reported lost.
 *
 * <pre>{@code
 * if (lost.reason() == LeaseLostReason.NOT_FOUND) { ... revoked or expired for sure ... }
 * }</pre>
 */
public enum LeaseLostReason {
  /** etcd answered that the lease does not exist: it expired or was revoked. */
  NOT_FOUND,
  /**
   * No refresh succeeded before the lease's TTL ran out since the last one that did (or, before the
   * first, within the call timeout): etcd has expired it, unless a leader change extended it in a
   * way no client can see. Either way this client stopped refreshing it.
   */
  TIMED_OUT
}
