package io.typedetcd.client.election;

import io.typedetcd.client.EtcdException;
import org.jspecify.annotations.Nullable;

/**
 * The election has no leader right now (nobody campaigns, or every leader resigned or lost its
 * lease).
 *
 * <pre>{@code
 * try {
 *   Leader leader = Blocking.get(client.election().leader("/elections/db"));
 * } catch (NoLeaderException e) {
 *   campaign();
 * }
 * }</pre>
 */
public class NoLeaderException extends EtcdException {
  private static final long serialVersionUID = 1L;

  public NoLeaderException(String message, @Nullable String key, @Nullable Throwable cause) {
    super(message, key, cause);
  }
}
