package io.typedetcd.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConcurrentServersIT {

  @Test
  void serversStartedConcurrentlyNeverShareAPort() throws Exception {
    List<EtcdServer> servers = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<EtcdServer>> started = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        EtcdServer server = EtcdServer.builder().name("c" + i).build();
        servers.add(server);
        started.add(
            pool.submit(
                () -> {
                  server.start();
                  return server;
                }));
      }
      for (Future<EtcdServer> future : started) {
        future.get();
      }
      // A cluster on top, so cluster and single-server allocation are mixed as well.
      try (EtcdCluster cluster = EtcdCluster.builder().size(3).build()) {
        cluster.start();
        List<EtcdServer> all = new ArrayList<>(servers);
        all.addAll(cluster.members());

        List<Integer> ports =
            all.stream()
                .flatMap(s -> IntStream.of(s.clientPort(), s.peerPort(), s.metricsPort()).boxed())
                .toList();
        assertThat(ports).hasSize(21).doesNotHaveDuplicates();
        assertThat(all).allMatch(EtcdServer::isHealthy);
        assertThat(servers.stream().map(EtcdServer::dataDir)).doesNotHaveDuplicates();
      }
    } finally {
      pool.shutdownNow();
      Cleanup.closeAll(servers);
    }
  }
}
