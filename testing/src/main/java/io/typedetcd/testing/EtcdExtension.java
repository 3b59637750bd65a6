package io.typedetcd.testing;

import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs one real etcd server for a test class or for each test method.
 *
 * <pre>{@code
 * class RepositoryIT {
 *   @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();
 *
 *   @Test void roundTrip(EtcdServer server) {       // or etcd.server()
 *     var client = connect(etcd.endpoint());
 *   }
 * }
 * }</pre>
 *
 * <p>A {@code static} field gives one server per test class; an instance field gives a fresh server
 * to every test method. Test methods may declare an {@link EtcdServer} parameter. With {@code
 * -Detcd.mode=container} the server runs in Docker through Testcontainers instead: {@link
 * #endpoint()} and {@link #etcdctl(String...)} work, {@link #server()} (process control) throws
 * {@link UnsupportedOperationException}. If etcd cannot be started the test fails; it is never
 * skipped.
 */
public final class EtcdExtension extends ScopedLifecycle implements ParameterResolver {
  private final EtcdConfig config;
  private volatile EtcdServer server;
  private volatile EtcdContainer container;

  /** Starts a builder; see {@link EtcdBuilder} for the options. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder of an {@link EtcdExtension}. */
  public static final class Builder extends EtcdBuilder<Builder> {
    Builder() {}

    /** Creates the extension; register it with {@code @RegisterExtension}. */
    public EtcdExtension build() {
      return new EtcdExtension(config("etcd"));
    }
  }

  private EtcdExtension(EtcdConfig config) {
    this.config = config;
  }

  /** The running server; not available in container mode. */
  public EtcdServer server() {
    if (container != null) {
      throw new UnsupportedOperationException(
          "etcd runs in a container (-Detcd.mode=container): there is no EtcdServer process to"
              + " control; use endpoint() or etcdctl(...), or run without container mode");
    }
    EtcdServer current = server;
    if (current == null) {
      throw new IllegalStateException(
          "etcd is not running: register the extension with @RegisterExtension and use it from"
              + " a test or lifecycle method");
    }
    return current;
  }

  /** Client endpoint, e.g. {@code http://127.0.0.1:<port>}. */
  public String endpoint() {
    EtcdContainer c = container;
    return c != null ? c.endpoint() : server().endpoint();
  }

  /** The endpoint as a one-element list, for clients that take several. */
  public List<String> endpoints() {
    return List.of(endpoint());
  }

  /** Runs etcdctl against the server (or inside the container) and returns its stdout. */
  public String etcdctl(String... args) {
    EtcdContainer c = container;
    return c != null ? c.etcdctl(args) : server().etcdctl(args);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == EtcdServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return server();
  }

  @Override
  void startResource(ExtensionContext context) {
    EtcdConfig named = config.withLogName(logName(context));
    if (ContainerMode.enabled()) {
      ContainerMode.requireTestcontainers(EtcdExtension.class.getClassLoader());
      EtcdContainer started = new EtcdContainer(named);
      started.start();
      container = started;
      return;
    }
    EtcdServer started = new EtcdServer(named, EtcdCommand.Member.single(named.name()), null);
    try {
      started.start();
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
    server = started;
  }

  @Override
  void stopResource() {
    EtcdServer s = server;
    EtcdContainer c = container;
    server = null;
    container = null;
    if (s != null) {
      s.close();
    }
    if (c != null) {
      c.close();
    }
  }
}
