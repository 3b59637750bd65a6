package io.typedetcd.client;

import org.jspecify.annotations.Nullable;

/**
 * A request exceeds etcd's size limit (`--max-request-bytes`, 1.5 MiB by default); checked before
 * sending when the client knows the limit.
 */
public class RequestTooLargeException extends EtcdException {
  private static final long serialVersionUID = 1L;

  public RequestTooLargeException(String message, @Nullable String key, @Nullable Throwable cause) {
    super(message, key, cause);
  }
}
