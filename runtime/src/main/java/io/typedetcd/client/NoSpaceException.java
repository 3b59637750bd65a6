package io.typedetcd.client;

import org.jspecify.annotations.Nullable;

/**
 * etcd's database reached its quota (`--quota-backend-bytes`) and raised the NOSPACE alarm: only
 * reads and deletes work until it is compacted, defragmented and disarmed.
 */
public class NoSpaceException extends EtcdException {
  private static final long serialVersionUID = 1L;

  public NoSpaceException(String message, @Nullable String key, @Nullable Throwable cause) {
    super(message, key, cause);
  }
}
