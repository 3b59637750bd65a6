package io.typedetcd.client;

import org.jspecify.annotations.Nullable;

/**
 * The user name or password was rejected, or authentication is not possible (auth not enabled, user
 * missing).
 */
public class AuthenticationException extends EtcdException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String message, @Nullable String key, @Nullable Throwable cause) {
    super(message, key, cause);
  }
}
