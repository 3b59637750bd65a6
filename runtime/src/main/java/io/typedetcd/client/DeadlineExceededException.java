package io.typedetcd.client;

import org.jspecify.annotations.Nullable;

/**
 * The call did not finish within its deadline; for a write, whether it applied is unknown (see
 * {@link OutcomeUnknownException}).
 */
public class DeadlineExceededException extends EtcdException {
  private static final long serialVersionUID = 1L;

  public DeadlineExceededException(
      String message, @Nullable String key, @Nullable Throwable cause) {
    super(message, key, cause);
  }
}
