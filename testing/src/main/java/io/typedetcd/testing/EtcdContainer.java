package io.typedetcd.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * etcd in Docker through Testcontainers, used by {@link EtcdExtension} under {@code
 * -Detcd.mode=container} (image from {@code -Detcd.image}, default {@value #DEFAULT_IMAGE}).
 *
 * <pre>{@code
 * mvn verify -Detcd.mode=container -Detcd.image=gcr.io/etcd-development/etcd:v3.5.17
 * }</pre>
 *
 * <p>Testcontainers is an optional dependency: {@link ContainerMode#requireTestcontainers} must
 * pass before this class is touched. Health is checked on the plain-HTTP metrics port, as for local
 * processes.
 */
final class EtcdContainer implements AutoCloseable {
  static final String DEFAULT_IMAGE = "gcr.io/etcd-development/etcd:v3.5.17";
  private static final int CLIENT_PORT = 2379;
  private static final int METRICS_PORT = 2381;
  private static final String TLS_DIR = "/etc/etcd/tls/";

  private final EtcdConfig config;
  private GenericContainer<?> container;

  EtcdContainer(EtcdConfig config) {
    this.config = config;
  }

  void start() {
    String image = System.getProperty("etcd.image", DEFAULT_IMAGE);
    GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(image));
    c.withExposedPorts(CLIENT_PORT, METRICS_PORT)
        .withTmpFs(Map.of("/var/lib/etcd", "rw"))
        .withCommand(command().toArray(String[]::new))
        .waitingFor(
            Wait.forHttp("/health")
                .forPort(METRICS_PORT)
                .forResponsePredicate(body -> body.contains("\"health\":\"true\""))
                .withStartupTimeout(config.startTimeout()));
    if (config.tls() != null) {
      copy(c, config.tls().certPem(), "server.pem");
      copy(c, config.tls().keyPem(), "server-key.pem");
    }
    if (config.trustedCa() != null) {
      copy(c, config.trustedCa(), "ca.pem");
    }
    c.start();
    container = c;
  }

  String endpoint() {
    return config.scheme()
        + "://"
        + container.getHost()
        + ":"
        + container.getMappedPort(CLIENT_PORT);
  }

  String etcdctl(String... args) {
    String endpoint = config.scheme() + "://127.0.0.1:" + CLIENT_PORT;
    List<String> cmd = new ArrayList<>(List.of("etcdctl", "--endpoints=" + endpoint));
    if (config.tls() != null) {
      cmd.add("--insecure-skip-tls-verify");
      cmd.add("--insecure-transport=false");
    }
    cmd.addAll(List.of(args));
    try {
      Container.ExecResult result = container.execInContainer(cmd.toArray(String[]::new));
      if (result.getExitCode() != 0) {
        throw new IllegalStateException(
            "etcdctl failed (exit " + result.getExitCode() + "): " + result.getStderr());
      }
      return result.getStdout();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run etcdctl in the container", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running etcdctl", e);
    }
  }

  @Override
  public void close() {
    if (container != null) {
      container.stop();
      container = null;
    }
  }

  private List<String> command() {
    String scheme = config.scheme();
    List<String> cmd = new ArrayList<>();
    cmd.add("/usr/local/bin/etcd");
    cmd.add("--name=" + config.name());
    // A subdirectory: etcd 3.5 insists on 0700 for its data dir, which the tmpfs root is not.
    cmd.add("--data-dir=/var/lib/etcd/data");
    cmd.add("--listen-client-urls=" + scheme + "://0.0.0.0:" + CLIENT_PORT);
    // The mapped host port is unknown until the container runs; clients use endpoint() instead.
    cmd.add("--advertise-client-urls=" + scheme + "://127.0.0.1:" + CLIENT_PORT);
    cmd.add("--listen-peer-urls=http://127.0.0.1:2380");
    cmd.add("--initial-advertise-peer-urls=http://127.0.0.1:2380");
    cmd.add("--initial-cluster=" + config.name() + "=http://127.0.0.1:2380");
    cmd.add("--listen-metrics-urls=http://0.0.0.0:" + METRICS_PORT);
    cmd.addAll(
        config.tlsFlags(TLS_DIR + "server.pem", TLS_DIR + "server-key.pem", TLS_DIR + "ca.pem"));
    cmd.addAll(config.optionFlags());
    cmd.addAll(config.extraFlags());
    return cmd;
  }

  private static void copy(GenericContainer<?> c, java.nio.file.Path file, String name) {
    c.withCopyFileToContainer(MountableFile.forHostPath(file), TLS_DIR + name);
  }
}
