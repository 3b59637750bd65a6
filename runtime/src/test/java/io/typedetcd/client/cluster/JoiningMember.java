package io.typedetcd.client.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An etcd process that joins a running cluster ({@code --initial-cluster-state=existing}), which
 * the test harness cannot start: it only creates new clusters.
 */
public final class JoiningMember implements AutoCloseable {
  private final String name;
  private final int clientPort;
  private final int peerPort;
  private final Path dataDir;
  private final Path log;
  private Process process;

  public JoiningMember(String name) {
    this.name = name;
    try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket b = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      clientPort = a.getLocalPort();
      peerPort = b.getLocalPort();
      Path shm = Path.of("/dev/shm");
      Path base = Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
      dataDir = Files.createTempDirectory(base, "typed-etcd-joining-" + name + "-");
      Path logs = Path.of(System.getProperty("etcd.logs", "target/etcd-logs")).toAbsolutePath();
      log =
          Files.createDirectories(logs)
              .resolve("JoiningMember-" + name + "-" + clientPort + ".log");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String name() {
    return name;
  }

  public String peerUrl() {
    return "http://127.0.0.1:" + peerPort;
  }

  public String clientUrl() {
    return "http://127.0.0.1:" + clientPort;
  }

  /** Starts etcd joining the cluster whose members (this one included) are {@code members}. */
  public void start(List<Member> members) {
    List<String> initial = new ArrayList<>();
    for (Member m : members) {
      String memberName = m.peerUrls().contains(peerUrl()) ? name : m.name();
      for (String url : m.peerUrls()) {
        initial.add(memberName + "=" + url);
      }
    }
    List<String> cmd =
        List.of(
            "etcd",
            "--name=" + name,
            "--data-dir=" + dataDir,
            "--listen-client-urls=" + clientUrl(),
            "--advertise-client-urls=" + clientUrl(),
            "--listen-peer-urls=" + peerUrl(),
            "--initial-advertise-peer-urls=" + peerUrl(),
            "--initial-cluster=" + String.join(",", initial),
            "--initial-cluster-state=existing",
            "--heartbeat-interval=50",
            "--election-timeout=500",
            "--logger=zap",
            "--log-outputs=" + log);
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("ETCD_"));
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start etcd", e);
    }
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  public Path log() {
    return log;
  }

  @Override
  public void close() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
