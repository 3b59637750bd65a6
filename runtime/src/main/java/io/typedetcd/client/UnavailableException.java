package io.typedetcd.client;

import org.jspecify.annotations.Nullable;

/**
 * No etcd member could serve the request before its deadline (all endpoints down, no leader, or the
 * client is closed).
 */
public class UnavailableException extends EtcdException {
  private static final long serialVersionUID = 1L;

  public UnavailableException(String message, @Nullable String key, @Nullable Throwable cause) {
    super(message, key, cause);
  }
}
