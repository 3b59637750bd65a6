package io.typedetcd.client;

import org.jspecify.annotations.Nullable;

/**
 * A write failed after it may have reached etcd: it may or may not have been applied. The client
 * never retries such a write by itself (a retry could apply it twice); read the key to find out, or
 * make the write conditional (a transaction comparing a revision) and retry that.
 */
public class OutcomeUnknownException extends EtcdException {
  private static final long serialVersionUID = 1L;

  public OutcomeUnknownException(String message, @Nullable String key, @Nullable Throwable cause) {
    super(message, key, cause);
  }
}
