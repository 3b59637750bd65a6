package io.typedetcd.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The etcd command line of one member, and starting it. Everything listens on 127.0.0.1. */
final class EtcdCommand {
  /**
   * Half of etcd's default heartbeat and election timeout. On loopback this is still far above the
   * round trip, and it halves the wait for a leader after a start, restart or failover (a single
   * member has no peers, so for it only the self-election after a restart gets faster).
   */
  static final List<String> FAST_ELECTIONS =
      List.of("--heartbeat-interval=50", "--election-timeout=500");

  private EtcdCommand() {}

  /**
   * Who a member is in its cluster.
   *
   * @param initialCluster {@code --initial-cluster}, or null for a single member
   * @param flags added before the user's options
   */
  record Member(String name, String initialCluster, String clusterToken, List<String> flags) {
    static Member single(String name) {
      return new Member(name, null, "typed-etcd-" + UUID.randomUUID(), FAST_ELECTIONS);
    }
  }

  /** The command line; {@code ports} are the client, peer and metrics ports. */
  static List<String> of(
      Path binary, EtcdConfig config, Member member, int[] ports, Path dataDir, Path logFile) {
    String name = member.name();
    String clientUrl = config.scheme() + "://127.0.0.1:" + ports[0];
    String peerUrl = "http://127.0.0.1:" + ports[1];
    List<String> cmd = new ArrayList<>();
    cmd.add(binary.toString());
    cmd.add("--name=" + name);
    cmd.add("--data-dir=" + dataDir);
    cmd.add("--listen-client-urls=" + clientUrl);
    cmd.add("--advertise-client-urls=" + clientUrl);
    cmd.add("--listen-peer-urls=" + peerUrl);
    cmd.add("--initial-advertise-peer-urls=" + peerUrl);
    cmd.add(
        "--initial-cluster="
            + (member.initialCluster() != null ? member.initialCluster() : name + "=" + peerUrl));
    cmd.add("--initial-cluster-state=new");
    cmd.add("--initial-cluster-token=" + member.clusterToken());
    // Always plain HTTP, even with TLS: health and leadership checks need no certificates.
    cmd.add("--listen-metrics-urls=http://127.0.0.1:" + ports[2]);
    cmd.add("--logger=zap");
    cmd.add("--log-outputs=" + logFile);
    if (config.tls() != null) {
      cmd.addAll(
          config.tlsFlags(
              config.tls().certPem().toString(),
              config.tls().keyPem().toString(),
              config.trustedCa() == null ? null : config.trustedCa().toString()));
    }
    cmd.addAll(member.flags());
    cmd.addAll(config.optionFlags());
    // Last, so a user's flag overrides ours (etcd keeps the last value of a repeated flag).
    cmd.addAll(config.extraFlags());
    return cmd;
  }

  /** Starts etcd with its output appended to the log; {@code fresh} truncates the log first. */
  static Process spawn(List<String> command, Path logFile, boolean fresh) {
    try {
      if (fresh) {
        Files.deleteIfExists(logFile); // an earlier JVM may have used the same port and name
      }
      ProcessBuilder builder = new ProcessBuilder(command);
      // etcd refuses to start when an ETCD_* variable shadows a flag, so none may leak in.
      builder.environment().keySet().removeIf(k -> k.startsWith("ETCD_"));
      builder.redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      Process process = builder.start();
      process.getOutputStream().close();
      return process;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    }
  }

  static Path createDataDir(Path base, String name) {
    try {
      return Files.createTempDirectory(base, "typed-etcd-" + name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create an etcd data directory under " + base, e);
    }
  }
}
