package io.typedetcd.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One real etcd process on free loopback ports, with a fresh data directory.
 *
 * <pre>{@code
 * try (EtcdServer server = EtcdServer.builder().build()) {
 *   server.start();                       // waits until healthy
 *   server.etcdctl("put", "k", "v");
 *   connect(server.endpoint());           // "http://127.0.0.1:<port>"
 * }                                       // kills etcd and deletes its data directory
 * }</pre>
 *
 * <p>{@link #stop()} keeps the data directory so {@link #start()} or {@link #restart()} brings the
 * same member back on the same ports; {@link #close()} deletes it. Servers still running at JVM
 * exit are closed by a shutdown hook. Health is read from the plain-HTTP metrics listener. Like
 * cluster members, it runs with a 500 ms election timeout (see {@link EtcdCluster}) so that a
 * restart finds itself leader again quickly.
 */
public final class EtcdServer implements AutoCloseable {
  private static final int START_ATTEMPTS = 3;

  private final EtcdConfig config;
  private final EtcdCommand.Member member;
  private final boolean fixedPorts;
  private volatile int[] ports; // client, peer, metrics
  private volatile Path dataDir;
  private volatile Path logFile;
  private volatile EtcdProcess process;
  private boolean closed;

  /** Starts a builder; {@link Builder#build()} creates the server without starting it. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builder of a single-member {@link EtcdServer}; see {@link EtcdBuilder} for the options. */
  public static final class Builder extends EtcdBuilder<Builder> {
    Builder() {}

    /** Creates the server; nothing runs until {@link EtcdServer#start()}. */
    public EtcdServer build() {
      EtcdConfig config = config("etcd");
      return new EtcdServer(config, EtcdCommand.Member.single(config.name()), null);
    }
  }

  /** A cluster member when {@code ports} are given; otherwise ports are picked at start. */
  EtcdServer(EtcdConfig config, EtcdCommand.Member member, int[] ports) {
    this.config = config;
    this.member = member;
    this.ports = ports == null ? null : ports.clone();
    this.fixedPorts = ports != null;
  }

  /**
   * Starts etcd and waits until it is healthy. The first start picks free ports (retrying with new
   * ones if another process grabs one first); later starts reuse the ports and data directory.
   */
  public synchronized void start() {
    if (closed || isRunning()) {
      throw new IllegalStateException(name() + (closed ? " is closed" : " is already running"));
    }
    for (int attempt = 1; ; attempt++) {
      boolean first = dataDir == null;
      if (first && !fixedPorts) {
        ports = Ports.allocate(3);
      }
      try {
        launch();
        awaitHealthy(config.startDeadline());
        return;
      } catch (RuntimeException e) {
        kill();
        boolean retry = first && !fixedPorts && attempt < START_ATTEMPTS && bindFailed();
        if (first) {
          discardFirstStart();
        }
        if (!retry) {
          throw e;
        }
      }
    }
  }

  /** Graceful stop (SIGTERM, then SIGKILL after a grace period); keeps the data directory. */
  public synchronized void stop() {
    if (process != null) {
      process.stop();
      process = null;
    }
  }

  /** SIGKILL, like a crash; keeps the data directory. */
  public synchronized void kill() {
    if (process != null) {
      process.kill();
      process = null;
    }
  }

  /** SIGSTOP: the process keeps its sockets but answers nothing, like a hung node. */
  public synchronized void pause() {
    if (process == null) {
      throw new IllegalStateException(name() + " is not running");
    }
    process.pause();
  }

  /** SIGCONT after {@link #pause()}; does nothing when not paused. */
  public synchronized void resume() {
    if (process != null) {
      process.resume();
    }
  }

  /** Stops (if running) and starts again on the same ports and data; waits until healthy. */
  public synchronized void restart() {
    if (dataDir == null) {
      throw new IllegalStateException(name() + " was never started");
    }
    stop();
    start();
  }

  /**
   * Kills etcd (a graceful stop buys nothing for data being deleted, and cluster members stopped
   * together pass leadership around until the grace period ends) and deletes its data. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      kill();
    } finally {
      Os.deleteTree(dataDir);
      if (ports != null) {
        Ports.release(ports);
      }
      Cleanup.unregister(this);
    }
  }

  /**
   * Runs etcdctl (v3) against this server, returns stdout, throws with stderr on failure. With TLS
   * the server certificate is verified only if {@code args} include {@code --cacert=...}.
   */
  public String etcdctl(String... args) {
    return Etcdctl.run(this, null, args);
  }

  /** Like {@link #etcdctl(String...)}, presenting {@code clientCert} (for client-cert auth). */
  public String etcdctl(TlsFiles clientCert, String... args) {
    return Etcdctl.run(this, clientCert, args);
  }

  /** {@code http://127.0.0.1:<port>}, or https when TLS is on. */
  public String endpoint() {
    return config.scheme() + "://127.0.0.1:" + clientPort();
  }

  public int clientPort() {
    return port(0);
  }

  public int peerPort() {
    return port(1);
  }

  /** Plain-HTTP port serving /health and /metrics. */
  public int metricsPort() {
    return port(2);
  }

  /** The data directory, or null before the first start. */
  public Path dataDir() {
    return dataDir;
  }

  /** etcd's log (and stdout/stderr), under the {@code etcd.logs} directory; null before start. */
  public Path logFile() {
    return logFile;
  }

  public String name() {
    return member.name();
  }

  /** True while the process is alive, paused or not. */
  public boolean isRunning() {
    EtcdProcess current = process;
    return current != null && current.isAlive();
  }

  public boolean isPaused() {
    EtcdProcess current = process;
    return current != null && current.isPaused();
  }

  /** One probe of etcd's /health (leader present, quorum read works). */
  public boolean isHealthy() {
    return ports != null && Metrics.healthy(metricsPort());
  }

  /** One probe of /metrics for {@code etcd_server_is_leader 1}. */
  public boolean isLeader() {
    return ports != null && Metrics.leader(metricsPort());
  }

  @Override
  public String toString() {
    return "EtcdServer[" + name() + (ports != null ? " " + endpoint() : "") + "]";
  }

  EtcdConfig config() {
    return config;
  }

  /** Starts the process without waiting; a cluster launches all members, then waits. */
  synchronized void launch() {
    if (closed) {
      throw new IllegalStateException(name() + " is closed; build a new one");
    }
    Path binary = Binaries.etcd(); // before creating files, so a missing etcd leaves none
    boolean first = dataDir == null;
    if (first) {
      Cleanup.register(this);
      dataDir = EtcdCommand.createDataDir(config.dataDirBaseOrDefault(), name());
      logFile = Logs.dir().resolve(config.logName() + "-" + name() + "-" + clientPort() + ".log");
    }
    List<String> command = EtcdCommand.of(binary, config, member, ports, dataDir, logFile);
    process = new EtcdProcess(EtcdCommand.spawn(command, logFile, first));
  }

  /** Waits until /health is true; fails fast, with the log's tail, when the process dies. */
  void awaitHealthy(long deadlineNanos) {
    Optional<String> died =
        Eventually.poll(
            Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())),
            Await.POLL,
            () -> isHealthy() ? Optional.of(Optional.<String>empty()) : exit().map(Optional::of),
            cause -> {
              IllegalStateException e =
                  startFailure("is not healthy after " + config.startTimeout().toSeconds() + "s");
              e.initCause(cause);
              throw e;
            });
    if (died.isPresent()) {
      throw startFailure(died.get());
    }
  }

  /** How the process ended, if it did. */
  private Optional<String> exit() {
    EtcdProcess p = process;
    if (p == null) {
      return Optional.of("is not running");
    }
    return p.isAlive() ? Optional.empty() : Optional.of(p.describeExit());
  }

  /** Another process took one of our ports between picking and binding it. */
  boolean bindFailed() {
    return Logs.contains(logFile(), "address already in use");
  }

  /** SIGTERM, no waiting; unsynchronized so the exit hook never waits on a start(). */
  void terminate() {
    EtcdProcess current = process;
    if (current != null) {
      current.terminate();
    }
  }

  EtcdProcess process() {
    return process;
  }

  private IllegalStateException startFailure(String what) {
    return new IllegalStateException(
        String.format(
            "etcd member '%s' at %s %s (data %s). Last lines of %s:%n%s",
            name(), endpoint(), what, dataDir, logFile, Logs.tail(logFile, 25)));
  }

  /** Forgets a failed first start so the next attempt (or close) begins from scratch. */
  private void discardFirstStart() {
    Os.deleteTree(dataDir);
    dataDir = null;
    if (!fixedPorts) {
      Ports.release(ports);
      ports = null;
    }
    Cleanup.unregister(this);
  }

  private int port(int index) {
    int[] current = ports;
    if (current == null) {
      throw new IllegalStateException(name() + " has no ports yet: call start() first");
    }
    return current[index];
  }
}
