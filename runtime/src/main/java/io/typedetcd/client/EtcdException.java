package io.typedetcd.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.jspecify.annotations.Nullable;

/**
 * The root of every error typed-etcd reports: unchecked, carrying the key involved (when there is
 * one) and etcd's gRPC status (when the error came from the server or the transport).
 *
 * <pre>{@code
 * try {
 *   Blocking.get(client.kv().put("/config/mode", "on"));
 * } catch (PermissionDeniedException e) {
 *   log.warn("no write access to {}", e.key());
 * } catch (EtcdException e) {
 *   log.warn("etcd said {}", e.grpcStatus());
 * }
 * }</pre>
 *
 * <p>Subclasses exist only where a caller can act differently on them.
 */
public class EtcdException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String key;
  private final transient @Nullable Status status;

  public EtcdException(String message) {
    this(message, null, null);
  }

  public EtcdException(String message, @Nullable String key, @Nullable Throwable cause) {
    super(message, cause);
    this.key = key;
    this.status = statusOf(cause);
  }

  /** The key (or key range start) the failed request was about, if any. */
  public @Nullable String key() {
    return key;
  }

  /** The gRPC status etcd or the transport answered with; null for client-side errors. */
  public @Nullable Status grpcStatus() {
    return status;
  }

  private static @Nullable Status statusOf(@Nullable Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof StatusRuntimeException sre) {
        return sre.getStatus();
      }
      if (t instanceof EtcdException e && e.status != null) {
        return e.status;
      }
    }
    return null;
  }
}
