package io.typedetcd.client.election;

import io.typedetcd.client.EtcdException;
import org.jspecify.annotations.Nullable;

/**
 * A proclaim by a {@link LeaderKey} that no longer leads: it resigned, or its lease ended. Stop
 * acting as leader.
 *
 * <pre>{@code
 * try {
 *   Blocking.get(election.proclaim(me, "10.0.0.1:80"));
 * } catch (NotLeaderException e) {
 *   stepDown();
 * }
 * }</pre>
 */
public class NotLeaderException extends EtcdException {
  private static final long serialVersionUID = 1L;

  public NotLeaderException(String message, @Nullable String key, @Nullable Throwable cause) {
    super(message, key, cause);
  }
}
