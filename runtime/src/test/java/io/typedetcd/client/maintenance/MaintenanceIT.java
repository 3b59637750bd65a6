package io.typedetcd.client.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.typedetcd.client.Blocking;
import io.typedetcd.client.DeadlineExceededException;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.cluster.Member;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.testing.EtcdClusterExtension;
import io.typedetcd.testing.EtcdServer;
import io.typedetcd.testing.Eventually;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Per-member maintenance on a real 3-member cluster (alarms on a server of their own). */
class MaintenanceIT {
  static final Duration WAIT = Duration.ofSeconds(10);

  @RegisterExtension
  static final EtcdClusterExtension etcd = EtcdClusterExtension.builder().size(3).build();

  static EtcdClient client;
  static Maintenance maintenance;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoints()).build();
    maintenance = client.maintenance();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @Test
  void statusComesFromTheNamedMember() {
    List<Member> members = Blocking.get(client.cluster().listMembers());
    Set<Long> ids = new HashSet<>();
    Set<Long> leaders = new HashSet<>();
    for (String endpoint : etcd.endpoints()) {
      StatusResponse s = Blocking.get(maintenance.status(endpoint));
      Member member =
          members.stream().filter(m -> m.clientUrls().contains(endpoint)).findFirst().orElseThrow();
      assertThat(s.memberId()).isEqualTo(member.id());
      assertThat(s.version()).startsWith("3.");
      assertThat(s.dbSize()).isPositive();
      assertThat(s.dbSizeInUse()).isPositive().isLessThanOrEqualTo(s.dbSize());
      assertThat(s.raftIndex()).isPositive();
      assertThat(s.raftAppliedIndex()).isPositive();
      assertThat(s.raftTerm()).isPositive();
      assertThat(s.errors()).isEmpty();
      assertThat(s.isLearner()).isFalse();
      ids.add(s.memberId());
      leaders.add(s.leader());
    }
    assertThat(ids).hasSize(3);
    assertThat(leaders).hasSize(1);
    String leaderEndpoint = etcd.cluster().leader().endpoint();
    assertThat(Blocking.get(maintenance.status(leaderEndpoint)).isLeader()).isTrue();
  }

  @Test
  void endpointsAreCheckedAndNamedInFailures() {
    assertThatThrownBy(() -> maintenance.status("ftp://127.0.0.1:2379"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ftp://127.0.0.1:2379");
    assertThatThrownBy(() -> maintenance.defragment("https://127.0.0.1:2379"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http://");
    try (EtcdClient impatient =
        EtcdClient.builder()
            .endpoints(etcd.endpoints())
            .callTimeout(Duration.ofMillis(500))
            .build()) {
      assertThatThrownBy(() -> Blocking.get(impatient.maintenance().status("http://127.0.0.1:1")))
          .isInstanceOf(EtcdException.class)
          .hasMessageContaining("endpoint http://127.0.0.1:1");
    }
  }

  @Test
  void membersAgreeOnTheKeyValueHash() {
    long rev = 0;
    for (int i = 0; i < 20; i++) {
      rev = Blocking.get(client.kv().put("/hash/" + i, "v" + i)).header().revision();
    }
    long at = rev;
    // Followers may apply the last revision a moment later.
    Set<Long> hashes =
        Eventually.value(
            WAIT,
            "every member hashes revision " + at,
            () -> {
              Set<Long> seen = new HashSet<>();
              for (String endpoint : etcd.endpoints()) {
                seen.add(Blocking.get(maintenance.hashKv(endpoint, at)).hash());
              }
              return java.util.Optional.of(seen);
            });
    assertThat(hashes).hasSize(1);

    String endpoint = etcd.endpoints().get(0);
    HashResponse before = Blocking.get(maintenance.hash(endpoint));
    assertThat(before.header().memberId())
        .isEqualTo(Blocking.get(maintenance.status(endpoint)).memberId());
    Blocking.get(client.kv().put("/hash/more", "x"));
    Eventually.until(
        WAIT,
        "the backend hash changes after a write",
        () -> Blocking.get(maintenance.hash(endpoint)).hash() != before.hash());
    HashKvResponse later = Blocking.get(maintenance.hashKv(endpoint, 0));
    assertThat(later.header().revision()).isGreaterThan(at);
    assertThatThrownBy(() -> maintenance.hashKv(endpoint, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("revision");
  }

  @Test
  void defragmentReleasesFreedSpace() {
    String endpoint = etcd.endpoints().get(1);
    String big = "x".repeat(32 * 1024);
    for (int i = 0; i < 64; i++) {
      Blocking.get(client.kv().put("/defrag/" + i, big));
    }
    long rev =
        Blocking.get(client.kv().delete("/defrag/", DeleteOptions.DEFAULT.withPrefix()))
            .header()
            .revision();
    Blocking.get(client.kv().compact(rev, true));
    StatusResponse before = Blocking.get(maintenance.status(endpoint));

    Blocking.get(maintenance.defragment(endpoint));

    StatusResponse after = Blocking.get(maintenance.status(endpoint));
    assertThat(after.memberId()).isEqualTo(before.memberId());
    assertThat(after.dbSize()).isLessThan(before.dbSize() - 1024 * 1024);
  }

  @Test
  void aSnapshotIsADatabaseEtcdctlReadsAndRestores(@TempDir Path dir) throws IOException {
    long rev = Blocking.get(client.kv().put("/snap/a", "1")).header().revision();
    // A snapshot comes from whichever member serves it, which may not have applied the put yet.
    for (String endpoint : etcd.endpoints()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (Blocking.get(maintenance.status(endpoint)).header().revision() < rev) {
        assertThat(System.nanoTime())
            .as("%s applies revision %d", endpoint, rev)
            .isLessThan(deadline);
      }
    }
    Path file = dir.resolve("backup.db");
    long bytes;
    try (OutputStream out = Files.newOutputStream(file)) {
      bytes = Blocking.get(maintenance.snapshot(out));
    }
    assertThat(bytes).isEqualTo(Files.size(file)).isGreaterThan(32);

    EtcdServer member = etcd.cluster().members().get(0);
    JsonNode status =
        new ObjectMapper()
            .readTree(member.etcdctl("-w", "json", "snapshot", "status", file.toString()));
    assertThat(status.path("revision").asLong()).isGreaterThanOrEqualTo(rev);
    assertThat(status.path("totalKey").asLong()).isPositive();
    // restore checks the SHA-256 etcd appends to the stream.
    member.etcdctl("snapshot", "restore", file.toString(), "--data-dir=" + dir.resolve("restored"));
    assertThat(dir.resolve("restored").resolve("member")).isDirectory();
  }

  @Test
  void aSnapshotFailsWhenItsStreamFails() {
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("disk full");
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            throw new IOException("disk full");
          }
        };
    assertThatThrownBy(() -> Blocking.get(maintenance.snapshot(broken)))
        .isInstanceOf(EtcdException.class)
        .hasMessageContaining("writing the snapshot failed")
        .hasMessageContaining("disk full");
  }

  @Test
  void moveLeaderHandsLeadershipToTheTarget() {
    StatusResponse any = Blocking.get(maintenance.status(etcd.endpoints().get(0)));
    String targetEndpoint = null;
    long target = 0;
    for (String endpoint : etcd.endpoints()) {
      StatusResponse s = Blocking.get(maintenance.status(endpoint));
      if (s.memberId() != any.leader()) {
        targetEndpoint = endpoint;
        target = s.memberId();
      }
    }

    Blocking.get(maintenance.moveLeader(target));

    String expected = targetEndpoint;
    Eventually.until(
        WAIT,
        "the target reports itself leader",
        () -> Blocking.get(maintenance.status(expected)).isLeader());
    assertThat(etcd.cluster().awaitLeader(WAIT).endpoint()).isEqualTo(targetEndpoint);
    assertThatThrownBy(() -> Blocking.get(maintenance.moveLeader(0x1234)))
        .isInstanceOf(EtcdException.class)
        .hasMessageContaining("bad leader transferee");
  }

  @Test
  void aFullBackendRaisesAnAlarmThatCanBeDisarmed() {
    try (EtcdServer small = EtcdServer.builder().quotaBackendBytes(256 * 1024).build()) {
      small.start();
      try (EtcdClient c = EtcdClient.builder().endpoints(small.endpoint()).build()) {
        assertThat(Blocking.get(c.maintenance().alarms())).isEmpty();
        String big = "y".repeat(64 * 1024);
        assertThatThrownBy(
                () -> {
                  for (int i = 0; i < 100; i++) {
                    Blocking.get(c.kv().put("/full/" + i, big));
                  }
                })
            .isInstanceOf(io.typedetcd.client.NoSpaceException.class);
        long memberId = Blocking.get(c.maintenance().status(small.endpoint())).memberId();
        Alarm alarm = new Alarm(memberId, Alarm.Type.NOSPACE);
        assertThat(Blocking.get(c.maintenance().alarms())).containsExactly(alarm);
        assertThat(small.etcdctl("alarm", "list")).contains("alarm:NOSPACE");

        assertThat(Blocking.get(c.maintenance().disarm(alarm))).containsExactly(alarm);
        assertThat(Blocking.get(c.maintenance().alarms())).isEmpty();
        assertThat(small.etcdctl("alarm", "list")).isBlank();
        assertThat(Blocking.get(c.maintenance().disarm(alarm))).isEmpty();
      }
    }
  }

  @Test
  void aFrozenMemberFailsSnapshotAndStatusByTheCallTimeout() {
    try (EtcdServer frozen = EtcdServer.builder().build()) {
      frozen.start();
      try (EtcdClient c =
          EtcdClient.builder()
              .endpoints(frozen.endpoint())
              .callTimeout(Duration.ofSeconds(1))
              .build()) {
        frozen.pause();
        long start = System.nanoTime();
        assertThatThrownBy(
                () -> Blocking.get(c.maintenance().snapshot(OutputStream.nullOutputStream())))
            .isInstanceOf(DeadlineExceededException.class)
            .hasMessageContaining("stalled");
        assertThatThrownBy(() -> Blocking.get(c.maintenance().status(frozen.endpoint())))
            .isInstanceOf(DeadlineExceededException.class)
            .hasMessageContaining("endpoint " + frozen.endpoint());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        frozen.resume();
        assertThat(Blocking.get(c.maintenance().snapshot(OutputStream.nullOutputStream())))
            .isGreaterThan(32);
      }
    }
  }

  @Test
  void aClosedClientRefusesMaintenance() {
    EtcdClient closed = EtcdClient.builder().endpoints(etcd.endpoints()).build();
    Blocking.get(closed.maintenance().status(etcd.endpoints().get(0)));
    closed.close();
    assertThatThrownBy(() -> Blocking.get(closed.maintenance().status(etcd.endpoints().get(0))))
        .isInstanceOf(EtcdException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(
            () -> Blocking.get(closed.maintenance().snapshot(OutputStream.nullOutputStream())))
        .isInstanceOf(EtcdException.class)
        .hasMessageContaining("closed");
  }
}
