package io.typedetcd.client;

import org.jspecify.annotations.Nullable;

/** The authenticated user's roles do not grant this operation on this key. */
public class PermissionDeniedException extends EtcdException {
  private static final long serialVersionUID = 1L;

  public PermissionDeniedException(
      String message, @Nullable String key, @Nullable Throwable cause) {
    super(message, key, cause);
  }
}
