package io.typedetcd.client.election;

/**
 * An election being observed; closing it stops the observing.
 *
 * <pre>{@code
 * try (Observation o = client.election().observe("/elections/db", leader -> use(leader))) {
 *   ...
 * }
 * }</pre>
 */
public interface Observation extends AutoCloseable {
  /** Stops observing; the listener hears {@code onClosed} unless it already ended. Idempotent. */
  @Override
  void close();
}
