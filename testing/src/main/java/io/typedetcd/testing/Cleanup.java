package io.typedetcd.testing;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One JVM shutdown hook that stops every server still running and deletes its data directory, so a
 * test that forgets to close (or a JVM that exits mid-test) leaves no etcd behind.
 */
final class Cleanup {
  private static final Duration GRACE = Duration.ofSeconds(2);
  private static final Set<EtcdServer> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::onExit, "typed-etcd-cleanup"));
  }

  private Cleanup() {}

  static void register(EtcdServer server) {
    LIVE.add(server);
  }

  static void unregister(EtcdServer server) {
    LIVE.remove(server);
  }

  private static void onExit() {
    try {
      closeAll();
    } catch (RuntimeException e) {
      System.err.println("typed-etcd: cleanup at exit failed: " + e);
    }
  }

  /** SIGTERM to all, a few seconds for all to exit, then SIGKILL and delete their data. */
  static void closeAll() {
    List<EtcdServer> servers = List.copyOf(LIVE);
    servers.forEach(EtcdServer::terminate);
    long deadline = System.nanoTime() + GRACE.toNanos();
    for (EtcdServer server : servers) {
      EtcdProcess process = server.process();
      if (process != null) {
        process.awaitExit(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      }
    }
    closeAll(servers);
  }

  /** Closes each server even if closing another fails. */
  static void closeAll(List<EtcdServer> servers) {
    RuntimeException failure = null;
    for (EtcdServer server : servers) {
      try {
        server.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
