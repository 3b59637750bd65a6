package io.typedetcd.client.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.testing.EtcdExtension;
import io.typedetcd.testing.EtcdServer;
import io.typedetcd.testing.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

class ElectionIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static EtcdClient client;
  static Election election;
  String name;

  @BeforeAll
  static void connect() {
    client =
        EtcdClient.builder().endpoints(etcd.endpoint()).callTimeout(Duration.ofSeconds(2)).build();
    election = client.election();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void name(TestInfo info) {
    name = "/elections/" + info.getTestMethod().orElseThrow().getName();
  }

  static long lease(EtcdClient c) {
    return Blocking.get(c.lease().grant(Duration.ofSeconds(60))).id();
  }

  long candidates() {
    return Blocking.get(client.kv().get(name + "/", GetOptions.DEFAULT.withPrefix())).count();
  }

  @Test
  void campaignLeaderProclaimAndResign() {
    long id = lease(client);
    LeaderKey me = Blocking.get(election.campaign(name, id, "a"));
    assertThat(me.name()).isEqualTo(name);
    assertThat(me.key()).isEqualTo(name + "/" + Long.toHexString(id));
    assertThat(me.lease()).isEqualTo(id);

    Leader leader = Blocking.get(election.leader(name));
    assertThat(leader.key()).isEqualTo(me.key());
    assertThat(leader.value()).isEqualTo("a");
    assertThat(leader.createRevision()).isEqualTo(me.revision());
    assertThat(leader.lease()).isEqualTo(id);

    long proclaimed = Blocking.get(election.proclaim(me, "b")).revision();
    Leader after = Blocking.get(election.leader(name));
    assertThat(after.value()).isEqualTo("b");
    assertThat(after.modRevision()).isEqualTo(proclaimed);
    assertThat(after.createRevision()).isEqualTo(me.revision());

    Blocking.get(election.resign(me));
    assertThatThrownBy(() -> Blocking.get(election.leader(name)))
        .isInstanceOf(NoLeaderException.class);
    assertThatThrownBy(() -> Blocking.get(election.proclaim(me, "c")))
        .isInstanceOf(NotLeaderException.class);
    Blocking.get(election.resign(me)); // resigning again is harmless
  }

  @Test
  void campaigningAgainWithTheLeadersLeaseReturnsAtOnceWithTheNewValue() {
    long id = lease(client);
    LeaderKey first = Blocking.get(election.campaign(name, id, "a"));
    LeaderKey again = Blocking.get(election.campaign(name, id, "b"));
    assertThat(again).isEqualTo(first);
    assertThat(Blocking.get(election.leader(name)).value()).isEqualTo("b");
  }

  @Test
  void theSecondCandidateWinsAfterTheFirstResigns() {
    LeaderKey first = Blocking.get(election.campaign(name, lease(client), "first"));
    CompletableFuture<LeaderKey> second = election.campaign(name, lease(client), "second");
    // Longer than the client's 2 s call timeout: campaigning is not bounded by it.
    Eventually.holdsFor(
        Duration.ofMillis(2500), "the second keeps campaigning", () -> !second.isDone());
    assertThat(Blocking.get(election.leader(name)).value()).isEqualTo("first");

    Blocking.get(election.resign(first));

    assertThat(Blocking.get(second).revision()).isGreaterThan(first.revision());
    assertThat(Blocking.get(election.leader(name)).value()).isEqualTo("second");
  }

  @Test
  void theSecondCandidateWinsWhenTheLeadersLeaseIsRevoked() {
    long firstLease = lease(client);
    Blocking.get(election.campaign(name, firstLease, "first"));
    CompletableFuture<LeaderKey> second = election.campaign(name, lease(client), "second");
    Eventually.until(Duration.ofSeconds(5), "the second campaigns", () -> candidates() == 2);

    Blocking.get(client.lease().revoke(firstLease));

    Blocking.get(second);
    assertThat(Blocking.get(election.leader(name)).value()).isEqualTo("second");
  }

  @Test
  void cancellingACampaignWithdrawsTheCandidate() {
    LeaderKey first = Blocking.get(election.campaign(name, lease(client), "first"));
    CompletableFuture<LeaderKey> second = election.campaign(name, lease(client), "second");
    Eventually.until(Duration.ofSeconds(5), "the second campaigns", () -> candidates() == 2);

    second.cancel(true);

    Eventually.until(Duration.ofSeconds(5), "etcd withdraws it", () -> candidates() == 1);
    Blocking.get(election.resign(first));
    assertThatThrownBy(() -> Blocking.get(election.leader(name)))
        .isInstanceOf(NoLeaderException.class);
  }

  @Test
  void observeHearsEveryLeaderAndValueInOrder() {
    long firstLease = lease(client);
    LeaderKey first = Blocking.get(election.campaign(name, firstLease, "v0"));
    Recorder heard = new Recorder();
    Observation observation = election.observe(name, heard);
    Eventually.until(Duration.ofSeconds(5), "the leader", () -> heard.values().size() == 1);
    for (int i = 1; i <= 5; i++) {
      Blocking.get(election.proclaim(first, "v" + i));
    }
    // The next leader's key is older than the last value of the first: still news.
    CompletableFuture<LeaderKey> second = election.campaign(name, lease(client), "w0");
    Eventually.until(Duration.ofSeconds(5), "the second campaigns", () -> candidates() == 2);
    Blocking.get(election.resign(first));
    LeaderKey next = Blocking.get(second);
    Blocking.get(election.proclaim(next, "w1"));

    List<String> expected = List.of("v0", "v1", "v2", "v3", "v4", "v5", "w0", "w1");
    Eventually.until(Duration.ofSeconds(5), "every value", () -> heard.values().size() == 8);
    assertThat(heard.values()).isEqualTo(expected);
    assertThat(heard.leaders.get(7).key()).isEqualTo(next.key());

    observation.close();
    observation.close();
    Eventually.until(Duration.ofSeconds(3), "onClosed", () -> heard.closed.get() == 1);
    assertThat(heard.failed).isEmpty();
  }

  @Test
  void observeResumesAfterEtcdRestartsWithoutRepeating() {
    try (EtcdServer server = EtcdServer.builder().build()) {
      server.start();
      EtcdClient own = EtcdClient.builder().endpoints(server.endpoint()).build();
      try {
        Election e = own.election();
        Recorder heard = new Recorder();
        e.observe(name, heard);
        LeaderKey me = Blocking.get(e.campaign(name, lease(own), "before"));
        Eventually.until(Duration.ofSeconds(5), "the leader", () -> heard.values().size() == 1);

        server.restart();
        Blocking.get(e.proclaim(me, "after"));

        Eventually.until(Duration.ofSeconds(10), "more", () -> heard.values().size() >= 2);
        Eventually.holdsFor(
            Duration.ofMillis(300),
            () -> "values [before, after], heard " + heard.values(),
            () -> heard.values().equals(List.of("before", "after")));

        own.close();
        Eventually.until(Duration.ofSeconds(3), "onClosed", () -> heard.closed.get() == 1);
      } finally {
        own.close();
      }
    }
  }

  @Test
  void observeGoesOnAfterItsAuthTokenExpired() {
    try (EtcdServer server = EtcdServer.builder().authTokenTtl(Duration.ofSeconds(1)).build()) {
      server.start();
      server.etcdctl("user", "add", "root:pw");
      server.etcdctl("auth", "enable");
      try (EtcdClient observer = authClient(server);
          EtcdClient candidates = authClient(server)) {
        Recorder heard = new Recorder();
        observer.election().observe(name, heard);
        Election e = candidates.election();
        LeaderKey first = Blocking.get(e.campaign(name, lease(candidates), "first"));
        CompletableFuture<LeaderKey> second = e.campaign(name, lease(candidates), "second");
        Eventually.until(Duration.ofSeconds(5), "the leader", () -> heard.values().size() == 1);
        // The observer's token expires while idle; etcd then ends Observe with OK at the next
        // leader change (its inner read fails), and only a fresh token lets it go on.
        Eventually.holdsFor(
            Duration.ofMillis(2500),
            () -> "values [first], heard " + heard.values(),
            () -> heard.values().equals(List.of("first")));

        Blocking.get(e.resign(first));
        Blocking.get(second);

        Eventually.until(Duration.ofSeconds(5), "the next", () -> heard.values().size() == 2);
        assertThat(heard.values()).containsExactly("first", "second");
        assertThat(heard.failed).isEmpty();
      }
    }
  }

  static EtcdClient authClient(EtcdServer server) {
    return EtcdClient.builder().endpoints(server.endpoint()).user("root", "pw").build();
  }

  @Test
  void electionNamesAndKeysLiveInTheNamespace() {
    try (EtcdClient spaced =
        EtcdClient.builder().endpoints(etcd.endpoint()).namespace("/ns").build()) {
      Election e = spaced.election();
      long id = lease(spaced);
      LeaderKey me = Blocking.get(e.campaign(name, id, "a"));
      assertThat(me.name()).isEqualTo(name);
      assertThat(me.key()).isEqualTo(name + "/" + Long.toHexString(id));
      assertThat(Blocking.get(client.kv().get("/ns" + me.key())).count()).isEqualTo(1);
      assertThat(candidates()).isZero();
      assertThat(Blocking.get(e.leader(name)).key()).isEqualTo(me.key());

      Blocking.get(e.proclaim(me, "b"));
      assertThat(Blocking.get(client.kv().get("/ns" + me.key())).kvs().get(0).value())
          .isEqualTo("b");
      Blocking.get(e.resign(me));
      assertThat(Blocking.get(client.kv().get("/ns" + me.key())).count()).isZero();
    }
  }

  @Test
  void argumentsAreCheckedAtOnce() {
    assertThatThrownBy(() -> election.campaign("", 1, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("electionName");
    assertThatThrownBy(() -> election.campaign(name, 0, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leaseId");
    assertThatThrownBy(() -> election.campaign(name, 1, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("proposal");
    assertThatThrownBy(() -> election.observe(name, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("listener");
    assertThatThrownBy(() -> election.resign(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("leader");
  }

  /** Records what an observer hears. */
  static final class Recorder implements ElectionListener {
    final List<Leader> leaders = new CopyOnWriteArrayList<>();
    final List<EtcdException> failed = new CopyOnWriteArrayList<>();
    final AtomicInteger closed = new AtomicInteger();

    @Override
    public void onLeader(Leader leader) {
      leaders.add(leader);
    }

    @Override
    public void onFailed(EtcdException error) {
      failed.add(error);
    }

    @Override
    public void onClosed() {
      closed.incrementAndGet();
    }

    List<String> values() {
      return leaders.stream().map(Leader::value).toList();
    }
  }
}
