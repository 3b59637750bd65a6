package io.typedetcd.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EtcdClusterIT {

  @Test
  void electsOneLeaderSurvivesLosingItAndARestartedMemberRejoins() {
    try (EtcdCluster cluster = EtcdCluster.builder().size(3).build()) {
      cluster.start();

      List<EtcdServer> members = cluster.members();
      assertThat(members).extracting(EtcdServer::name).containsExactly("n1", "n2", "n3");
      assertThat(cluster.endpoints()).hasSize(3).doesNotHaveDuplicates();
      EtcdServer leader = cluster.leader();
      assertThat(members.stream().filter(EtcdServer::isLeader)).containsExactly(leader);

      cluster.kill(leader);
      EtcdServer newLeader = cluster.awaitLeader(Duration.ofSeconds(10));
      assertThat(newLeader).isNotSameAs(leader);
      EtcdServer survivor = members.stream().filter(m -> m != leader).findFirst().orElseThrow();
      survivor.etcdctl("put", "written-without-old-leader", "yes");

      cluster.restart(leader);
      assertThat(leader.isHealthy()).isTrue();
      // A serializable read answers from the member's own copy: it has caught up after rejoining.
      Await.until(
          Duration.ofSeconds(10),
          () ->
              leader
                  .etcdctl(
                      "get", "written-without-old-leader", "--consistency=s", "--print-value-only")
                  .equals("yes\n"),
          () -> "restarted member caught up");
      assertThat(members).allMatch(EtcdServer::isRunning);
    }
  }

  @Test
  void aPausedFollowerLeavesAWorkingQuorumAndCatchesUpWhenResumed() {
    try (EtcdCluster cluster = EtcdCluster.builder().size(3).build()) {
      cluster.start();
      EtcdServer leader = cluster.leader();
      EtcdServer follower =
          cluster.members().stream().filter(m -> m != leader).findFirst().orElseThrow();

      cluster.pause(follower);
      assertThat(follower.isHealthy()).isFalse();
      leader.etcdctl("put", "while-paused", "1");

      cluster.resume(follower);
      Await.until(Duration.ofSeconds(10), follower::isHealthy, () -> "follower healthy again");
      assertThat(follower.etcdctl("get", "while-paused", "--print-value-only")).isEqualTo("1\n");
    }
  }

  @Test
  void closeStopsEveryMemberAndDeletesTheirData() {
    EtcdCluster cluster = EtcdCluster.builder().size(3).build();
    cluster.start();
    List<EtcdServer> members = cluster.members();

    cluster.close();

    assertThat(members).noneMatch(EtcdServer::isRunning);
    assertThat(members).allSatisfy(m -> assertThat(m.dataDir()).doesNotExist());
    cluster.close();
  }
}
