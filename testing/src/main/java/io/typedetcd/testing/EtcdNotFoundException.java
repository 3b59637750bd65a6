package io.typedetcd.testing;

/**
 * Thrown when the {@code etcd} or {@code etcdctl} binary cannot be found. The message says how to
 * install it.
 *
 * <pre>{@code
 * // etcd.binary (system property) or ETCD_BINARY (environment) overrides the PATH lookup:
 * mvn verify -Detcd.binary=/opt/etcd/etcd
 * }</pre>
 *
 * <p>Inside a JUnit test this fails the test: a missing etcd is a broken setup, not a reason to
 * skip.
 */
public final class EtcdNotFoundException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a message that includes installation advice. */
  public EtcdNotFoundException(String message) {
    super(message);
  }
}
