package io.typedetcd.client;

import org.jspecify.annotations.Nullable;

/** A transaction has more operations than etcd allows (`--max-txn-ops`, 128 by default). */
public class TooManyTxnOpsException extends EtcdException {
  private static final long serialVersionUID = 1L;

  public TooManyTxnOpsException(String message, @Nullable String key, @Nullable Throwable cause) {
    super(message, key, cause);
  }
}
