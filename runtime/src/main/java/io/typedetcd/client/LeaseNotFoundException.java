package io.typedetcd.client;

import org.jspecify.annotations.Nullable;

/** The lease does not exist: it expired, was revoked, or never existed. */
public class LeaseNotFoundException extends EtcdException {
  private static final long serialVersionUID = 1L;

  private final long leaseId;

  public LeaseNotFoundException(String message, long leaseId, @Nullable Throwable cause) {
    super(message, null, cause);
    this.leaseId = leaseId;
  }

  /** The lease that was not found. */
  public long leaseId() {
    return leaseId;
  }
}
