package io.typedetcd.client.lease;

import static org.assertj.core.api.Assertions.assertThat;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.kv.PutOptions;
import io.typedetcd.testing.EtcdCluster;
import io.typedetcd.testing.EtcdServer;
import io.typedetcd.testing.Eventually;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Keep-alives against dying, frozen and failing-over etcd. */
class LeaseFaultIT {
  static final Duration TTL = Duration.ofSeconds(2);

  @Test
  void keepAliveReportsLostOnceTheTtlPassesWithEtcdDown() {
    lostWhileUnreachable(EtcdServer::kill);
  }

  @Test
  void keepAliveReportsLostOnceTheTtlPassesWithEtcdFrozen() {
    lostWhileUnreachable(EtcdServer::pause);
  }

  private void lostWhileUnreachable(Consumer<EtcdServer> fault) {
    try (EtcdServer server = EtcdServer.builder().build()) {
      server.start();
      try (EtcdClient client = EtcdClient.builder().endpoints(server.endpoint()).build()) {
        long id = Blocking.get(client.lease().grant(TTL)).id();
        RecordingListener listener = new RecordingListener();
        client.lease().keepAlive(id, listener);
        Eventually.until(Duration.ofSeconds(5), "a refresh", () -> !listener.refreshes.isEmpty());

        fault.accept(server);

        Eventually.until(Duration.ofSeconds(6), "onLost", () -> !listener.lost.isEmpty());
        LeaseLostException lost = listener.lost.get(0);
        assertThat(lost.reason()).isEqualTo(LeaseLostReason.TIMED_OUT);
        assertThat(lost.leaseId()).isEqualTo(id);
        assertThat(lost).hasMessageContaining("TTL");
        // Not before the lease could have expired: stream failures alone are not a loss.
        assertThat(Duration.ofNanos(listener.lostNanos - listener.lastRefreshNanos))
            .isGreaterThanOrEqualTo(TTL.minusMillis(250));
        assertThat(listener.terminals()).isEqualTo(1);
      } finally {
        server.resume();
      }
    }
  }

  @Test
  void leaseSurvivesKillingTheLeaderAndTheMemberServingTheStream() {
    Duration ttl = Duration.ofSeconds(3);
    try (EtcdCluster cluster = EtcdCluster.builder().size(3).build()) {
      cluster.start();
      try (EtcdClient client = EtcdClient.builder().endpoints(cluster.endpoints()).build()) {
        long id = Blocking.get(client.lease().grant(ttl)).id();
        Blocking.get(client.kv().put("/fault/a", "1", PutOptions.DEFAULT.withLease(id)));
        RecordingListener listener = new RecordingListener();
        client.lease().keepAlive(id, listener);
        Eventually.until(Duration.ofSeconds(5), "a refresh", () -> !listener.refreshes.isEmpty());

        EtcdServer leader = cluster.leader();
        cluster.kill(leader);
        cluster.awaitLeader(Duration.ofSeconds(10));
        survives(client, id, listener, ttl);
        cluster.restart(leader);

        EtcdServer serving = servingKeepAlive(cluster);
        cluster.kill(serving);
        cluster.awaitLeader(Duration.ofSeconds(10));
        survives(client, id, listener, ttl);
        assertThat(servingKeepAlive(cluster)).isNotEqualTo(serving);
      }
    }
  }

  /** Twice the TTL with refreshes going on, the key in place and no loss reported. */
  private static void survives(
      EtcdClient client, long id, RecordingListener listener, Duration ttl) {
    int before = listener.refreshes.size();
    Eventually.holdsFor(
        ttl.multipliedBy(2),
        () -> "no loss and the key in place; lost " + listener.lost,
        () -> listener.lost.isEmpty() && Blocking.get(client.kv().get("/fault/a")).count() == 1);
    assertThat(Blocking.get(client.lease().timeToLive(id)).remaining()).isPositive();
    assertThat(listener.refreshes.size()).isGreaterThan(before + 2);
  }

  /** The member with the client's open LeaseKeepAlive stream, from etcd's gRPC metrics. */
  private static EtcdServer servingKeepAlive(EtcdCluster cluster) {
    EtcdServer[] found = new EtcdServer[1];
    Eventually.until(
        Duration.ofSeconds(5),
        "exactly one member serves the keep-alive stream",
        () -> {
          List<EtcdServer> open =
              cluster.members().stream()
                  .filter(m -> m.isRunning() && openKeepAliveStreams(m) > 0)
                  .toList();
          found[0] = open.size() == 1 ? open.get(0) : null;
          return found[0] != null;
        });
    return found[0];
  }

  private static long openKeepAliveStreams(EtcdServer member) {
    String metrics;
    try {
      metrics =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + member.metricsPort() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    long open = 0;
    for (String line : metrics.split("\n")) {
      if (!line.contains("grpc_method=\"LeaseKeepAlive\"")) {
        continue;
      }
      long n = (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      if (line.startsWith("grpc_server_started_total")) {
        open += n;
      } else if (line.startsWith("grpc_server_handled_total")) {
        open -= n;
      }
    }
    return open;
  }
}
