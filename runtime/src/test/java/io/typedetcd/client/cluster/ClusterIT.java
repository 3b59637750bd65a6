package io.typedetcd.client.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.EtcdException;
import io.typedetcd.testing.EtcdClusterExtension;
import io.typedetcd.testing.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Membership changes on a real 3-member cluster; every test leaves the three members alone. */
class ClusterIT {
  static final Duration WAIT = Duration.ofSeconds(20);

  @RegisterExtension
  static final EtcdClusterExtension etcd = EtcdClusterExtension.builder().size(3).build();

  static EtcdClient client;
  static Cluster cluster;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoints()).build();
    cluster = client.cluster();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  /** Removes whatever a failed test added, so the next one starts from the three members. */
  @AfterEach
  void removeAddedMembers() {
    for (Member m : Blocking.get(cluster.listMembers())) {
      if (!m.name().matches("n[123]")) {
        Blocking.get(cluster.removeMember(m.id()));
      }
    }
  }

  @Test
  void listMembersDescribesEveryMember() {
    List<Member> members = Blocking.get(cluster.listMembers());
    assertThat(members).extracting(Member::name).containsExactlyInAnyOrder("n1", "n2", "n3");
    assertThat(members.stream().flatMap(m -> m.clientUrls().stream()).toList())
        .containsExactlyInAnyOrderElementsOf(etcd.endpoints());
    assertThat(members).allSatisfy(m -> assertThat(m.peerUrls()).hasSize(1));
    assertThat(members).noneMatch(Member::isLearner).allMatch(Member::isStarted);
    String etcdctl = etcdctl("member", "list");
    for (Member m : members) {
      assertThat(etcdctl)
          .contains(m.hexId() + ", started, " + m.name() + ", " + m.peerUrls().get(0) + ", ");
    }
  }

  @Test
  void aLearnerJoinsCatchesUpIsPromotedAndRemoved() throws Exception {
    try (JoiningMember joining = new JoiningMember("learner1")) {
      AddMemberResponse added = Blocking.get(cluster.addLearner(List.of(joining.peerUrl())));
      Member learner = added.member();
      assertThat(learner.isLearner()).isTrue();
      assertThat(learner.isStarted()).isFalse();
      assertThat(learner.peerUrls()).containsExactly(joining.peerUrl());
      assertThat(added.members()).hasSize(4).contains(learner);
      assertThat(etcdctl("member", "list"))
          .contains(learner.hexId() + ", unstarted, , " + joining.peerUrl() + ", , true");

      joining.start(added.members());
      Eventually.until(
          WAIT,
          "learner1 publishes its name and client URL (log " + joining.log() + ")",
          () ->
              Blocking.get(cluster.listMembers()).stream()
                  .anyMatch(
                      m ->
                          m.id() == learner.id()
                              && m.name().equals("learner1")
                              && m.clientUrls().equals(List.of(joining.clientUrl()))));

      // etcd promotes only a learner that has caught up with the leader's log.
      List<Member> promoted =
          Eventually.value(WAIT, "learner1 can be promoted", () -> promote(learner.id()));
      assertThat(promoted)
          .filteredOn(m -> m.id() == learner.id())
          .singleElement()
          .satisfies(m -> assertThat(m.isLearner()).isFalse());
      assertThat(etcdctl("member", "list"))
          .contains(learner.hexId() + ", started, learner1, " + joining.peerUrl())
          .doesNotContain("true");

      List<Member> left = Blocking.get(cluster.removeMember(learner.id()));
      assertThat(left).extracting(Member::name).containsExactlyInAnyOrder("n1", "n2", "n3");
      assertThat(etcdctl("member", "list")).doesNotContain(learner.hexId());
      // A removed member learns it is out and shuts down.
      Eventually.until(WAIT, "the removed member exits", () -> !joining.isAlive());
    }
  }

  @Test
  void aLearnerThatHasNotCaughtUpIsNotPromoted() {
    Member learner = Blocking.get(cluster.addLearner(List.of("http://127.0.0.1:1"))).member();
    assertThatThrownBy(() -> Blocking.get(cluster.promoteMember(learner.id())))
        .isExactlyInstanceOf(EtcdException.class)
        .hasMessageContaining("member " + learner.hexId())
        .hasMessageContaining("can only promote a learner member which is in sync with leader");
    Member voter =
        Blocking.get(cluster.listMembers()).stream()
            .filter(m -> !m.isLearner())
            .findFirst()
            .orElseThrow();
    assertThatThrownBy(() -> Blocking.get(cluster.promoteMember(voter.id())))
        .hasMessageContaining("can only promote a learner member");
    Blocking.get(cluster.removeMember(learner.id()));
    awaitMemberCount(3);
  }

  @Test
  void anAddedMemberIsUpdatedThenRemoved() {
    AddMemberResponse added = Blocking.get(cluster.addMember(List.of("http://127.0.0.1:2")));
    Member member = added.member();
    assertThat(member.isLearner()).isFalse();
    awaitMemberCount(4);

    List<Member> updated =
        Blocking.get(
            cluster.updateMember(member.id(), List.of("http://127.0.0.1:3", "http://127.0.0.1:4")));
    assertThat(updated)
        .filteredOn(m -> m.id() == member.id())
        .singleElement()
        .extracting(Member::peerUrls)
        .isEqualTo(List.of("http://127.0.0.1:3", "http://127.0.0.1:4"));
    assertThat(etcdctl("member", "list"))
        .contains(member.hexId() + ", unstarted, , http://127.0.0.1:3,http://127.0.0.1:4, , false");

    Blocking.get(cluster.removeMember(member.id()));
    awaitMembers(
        "the three members without " + member.hexId(),
        list -> list.size() == 3 && list.stream().noneMatch(m -> m.id() == member.id()));
  }

  /**
   * etcd 3.4 lists members from the view of whichever member answers: a follower may still be
   * applying the change the leader acknowledged (3.5 reads the list through a quorum). Waits until
   * several lists in a row, spread over the members by round robin, all show it.
   */
  private static void awaitMembers(String what, Predicate<List<Member>> expected) {
    Eventually.until(
        WAIT,
        "every member to list " + what,
        () -> {
          for (int i = 0; i < 6; i++) {
            if (!expected.test(Blocking.get(cluster.listMembers()))) {
              return false;
            }
          }
          return true;
        });
  }

  private static void awaitMemberCount(int count) {
    awaitMembers(count + " members", list -> list.size() == count);
  }

  @Test
  void failuresNameTheMember() {
    assertThatThrownBy(() -> Blocking.get(cluster.removeMember(0x3039)))
        .isInstanceOf(EtcdException.class)
        .hasMessageContaining("member 3039")
        .hasMessageContaining("member not found");
    String taken = Blocking.get(cluster.listMembers()).get(0).peerUrls().get(0);
    assertThatThrownBy(() -> Blocking.get(cluster.addMember(List.of(taken))))
        .hasMessageContaining("Peer URLs already exists");
    assertThatThrownBy(() -> cluster.addMember(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("peerUrls");
    assertThatThrownBy(() -> cluster.addLearner(List.of("127.0.0.1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'127.0.0.1'");
  }

  private static Optional<List<Member>> promote(long id) {
    try {
      return Optional.of(Blocking.get(cluster.promoteMember(id)));
    } catch (EtcdException e) {
      if (e.getMessage().contains("in sync with leader")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private static String etcdctl(String... args) {
    return etcd.cluster().members().get(0).etcdctl(args);
  }
}
