package io.typedetcd.client.lease;

/**
 * A lease being kept alive by {@link Lease#keepAlive}.
 *
 * <pre>{@code
 * try (KeepAlive alive = client.lease().keepAlive(id, lost -> stopServing())) {
 *   serve();
 * }
 * }</pre>
 */
public interface KeepAlive extends AutoCloseable {
  /** The lease kept alive. */
  long leaseId();

  /**
   * Stops keeping the lease alive through this handle and tells its listener {@code onClosed}. Does
   * NOT revoke the lease: it expires after its TTL unless revoked or kept alive elsewhere.
   * Idempotent.
   */
  @Override
  void close();
}
