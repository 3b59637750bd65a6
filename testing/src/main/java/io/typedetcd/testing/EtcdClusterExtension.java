package io.typedetcd.testing;

import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs a real etcd cluster for a test class or for each test method.
 *
 * <pre>{@code
 * class FailoverIT {
 *   @RegisterExtension
 *   static final EtcdClusterExtension etcd = EtcdClusterExtension.builder().size(3).build();
 *
 *   @Test void survivesLeaderLoss(EtcdCluster cluster) {
 *     var client = connect(etcd.endpoints());
 *     cluster.kill(cluster.leader());
 *   }
 * }
 * }</pre>
 *
 * <p>Static field: one cluster per class; instance field: a fresh cluster per test method. Test
 * methods may declare an {@link EtcdCluster} parameter. Clusters always run local etcd processes;
 * container mode ({@code -Detcd.mode=container}) supports single servers only.
 */
public final class EtcdClusterExtension extends ScopedLifecycle implements ParameterResolver {
  private final EtcdConfig config;
  private final int size;
  private volatile EtcdCluster cluster;

  /** Starts a builder of a 3-member cluster; see {@link EtcdBuilder} for the options. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder of an {@link EtcdClusterExtension}. */
  public static final class Builder extends EtcdBuilder<Builder> {
    private int size = 3;

    Builder() {}

    /** Number of members, default 3. */
    public Builder size(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("size must be at least 1, was " + size);
      }
      this.size = size;
      return this;
    }

    /** Creates the extension; register it with {@code @RegisterExtension}. */
    public EtcdClusterExtension build() {
      return new EtcdClusterExtension(config("n"), size);
    }
  }

  private EtcdClusterExtension(EtcdConfig config, int size) {
    this.config = config;
    this.size = size;
  }

  /** The running cluster. */
  public EtcdCluster cluster() {
    EtcdCluster current = cluster;
    if (current == null) {
      throw new IllegalStateException(
          "the etcd cluster is not running: register the extension with @RegisterExtension and"
              + " use it from a test or lifecycle method");
    }
    return current;
  }

  /** Client endpoints of all members. */
  public List<String> endpoints() {
    return cluster().endpoints();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == EtcdCluster.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return cluster();
  }

  @Override
  void startResource(ExtensionContext context) {
    if (ContainerMode.enabled()) {
      throw new UnsupportedOperationException(
          "EtcdClusterExtension runs local etcd processes; -Detcd.mode=container supports only"
              + " EtcdExtension. Install etcd locally (apt-get install etcd-server).");
    }
    EtcdCluster started = new EtcdCluster(config.withLogName(logName(context)), size);
    started.start(); // a failed start closes what it launched
    cluster = started;
  }

  @Override
  void stopResource() {
    EtcdCluster c = cluster;
    cluster = null;
    if (c != null) {
      c.close();
    }
  }
}
