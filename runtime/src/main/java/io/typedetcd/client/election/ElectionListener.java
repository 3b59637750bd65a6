package io.typedetcd.client.election;

import io.typedetcd.client.EtcdException;

/**
 * Hears the leaders of an election observed with {@link Election#observe}. Calls come one at a
 * time, in order, on the client's executor; at most one of {@link #onFailed} and {@link #onClosed}
 * ends them.
 *
 * <pre>{@code
 * try (Observation o = election.observe("/elections/db", leader -> connect(leader.value()))) {
 *   ...
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ElectionListener {
  /**
   * A new leader, or a new value proclaimed by the current one. Each is heard once, in order; a
   * change that happens and is overwritten while the stream reconnects is not heard.
   */
  void onLeader(Leader leader);

  /**
   * etcd refuses to let this client observe (permission denied, authentication failed): retrying
   * would not help, so observing stopped. Nothing more follows.
   */
  default void onFailed(EtcdException error) {}

  /** The observation or the client was closed. Nothing more follows. */
  default void onClosed() {}
}
