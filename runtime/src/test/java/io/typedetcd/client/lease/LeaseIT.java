package io.typedetcd.client.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.LeaseNotFoundException;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.client.kv.PutOptions;
import io.typedetcd.testing.EtcdExtension;
import io.typedetcd.testing.Eventually;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

class LeaseIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static EtcdClient client;
  static Lease lease;
  String p;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    lease = client.lease();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void prefix(TestInfo info) {
    p = "/" + info.getTestMethod().orElseThrow().getName() + "/";
  }

  boolean exists(String key) {
    return Blocking.get(client.kv().get(key)).count() == 1;
  }

  long grant(Duration ttl) {
    return Blocking.get(lease.grant(ttl)).id();
  }

  @Test
  void grantAttachesKeysAndTimeToLiveReportsThem() {
    LeaseGrant grant = Blocking.get(lease.grant(Duration.ofSeconds(30)));
    assertThat(grant.id()).isPositive();
    assertThat(grant.ttl()).isEqualTo(Duration.ofSeconds(30));
    Blocking.get(client.kv().put(p + "a", "1", PutOptions.DEFAULT.withLease(grant.id())));
    Blocking.get(client.kv().put(p + "b", "2", PutOptions.DEFAULT.withLease(grant.id())));

    TimeToLive withKeys = Blocking.get(lease.timeToLive(grant.id(), true));
    assertThat(withKeys.id()).isEqualTo(grant.id());
    assertThat(withKeys.granted()).isEqualTo(Duration.ofSeconds(30));
    assertThat(withKeys.remaining()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
    assertThat(withKeys.keyStrings()).containsExactlyInAnyOrder(p + "a", p + "b");
    assertThat(Blocking.get(lease.timeToLive(grant.id())).keys()).isEmpty();
    assertThat(Blocking.get(client.kv().get(p + "a")).kvs().get(0).lease()).isEqualTo(grant.id());
    assertThat(Blocking.get(lease.leases())).contains(grant.id());
  }

  @Test
  void grantWithChosenIdUsesItAndRefusesATakenOne() {
    long id = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    assertThat(Blocking.get(lease.grant(Duration.ofSeconds(30), id)).id()).isEqualTo(id);
    assertThat(Blocking.get(lease.leases())).contains(id);
    assertThatThrownBy(() -> Blocking.get(lease.grant(Duration.ofSeconds(30), id)))
        .isInstanceOf(EtcdException.class)
        .hasMessageContaining("lease already exists");
  }

  @Test
  void ttlIsRoundedUpToWholeSecondsAndArgumentsAreChecked() {
    assertThat(Blocking.get(lease.grant(Duration.ofMillis(4500))).ttl())
        .isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(() -> lease.grant(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl");
    assertThatThrownBy(() -> lease.grant(Duration.ofSeconds(5), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("id");
    assertThatThrownBy(() -> lease.keepAlive(1, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("listener");
  }

  @Test
  void revokeDeletesTheKeysAndTheLease() {
    long id = grant(Duration.ofSeconds(30));
    Blocking.get(client.kv().put(p + "a", "1", PutOptions.DEFAULT.withLease(id)));

    long revision = Blocking.get(lease.revoke(id)).revision();

    assertThat(exists(p + "a")).isFalse();
    assertThat(
            Blocking.get(client.kv().get(p + "a", GetOptions.DEFAULT.withRevision(revision - 1)))
                .count())
        .isEqualTo(1);
    assertThat(Blocking.get(lease.leases())).doesNotContain(id);
    assertThatThrownBy(() -> Blocking.get(lease.timeToLive(id)))
        .isInstanceOfSatisfying(
            LeaseNotFoundException.class, e -> assertThat(e.leaseId()).isEqualTo(id));
    assertThatThrownBy(() -> Blocking.get(lease.revoke(id)))
        .isInstanceOfSatisfying(
            LeaseNotFoundException.class, e -> assertThat(e.leaseId()).isEqualTo(id));
  }

  @Test
  void keepAliveOnceRefreshesAndNamesAMissingLease() {
    long id = grant(Duration.ofSeconds(20));
    assertThat(Blocking.get(lease.keepAliveOnce(id))).isEqualTo(Duration.ofSeconds(20));
    Blocking.get(lease.revoke(id));
    assertThatThrownBy(() -> Blocking.get(lease.keepAliveOnce(id)))
        .isInstanceOfSatisfying(
            LeaseNotFoundException.class, e -> assertThat(e.leaseId()).isEqualTo(id));
  }

  @Test
  void keepAliveKeepsAShortLeaseAlivePastItsTtlAndCloseDoesNotRevoke() {
    long id = grant(Duration.ofSeconds(2));
    Blocking.get(client.kv().put(p + "a", "1", PutOptions.DEFAULT.withLease(id)));
    RecordingListener listener = new RecordingListener();
    KeepAlive alive = lease.keepAlive(id, listener);
    assertThat(alive.leaseId()).isEqualTo(id);

    Eventually.holdsFor(Duration.ofSeconds(5), "the leased key stays", () -> exists(p + "a"));
    assertThat(listener.refreshes)
        .hasSizeGreaterThanOrEqualTo(5)
        .allMatch(t -> t.getSeconds() == 2);
    assertThat(listener.terminated()).isFalse();

    alive.close();
    alive.close();
    Eventually.until(Duration.ofSeconds(2), "onClosed", () -> listener.closed.get() == 1);
    assertThat(Blocking.get(lease.timeToLive(id)).remaining()).isPositive(); // not revoked
    Eventually.until(Duration.ofSeconds(5), "the lease expires", () -> !exists(p + "a"));
    assertThat(listener.lost).isEmpty();
    assertThat(listener.terminals()).isEqualTo(1);
    assertThat(listener.afterTerminal.get() + listener.overlaps.get()).isZero();
  }

  @Test
  void revokeByEtcdctlIsReportedLost() {
    long id = grant(Duration.ofSeconds(3));
    RecordingListener listener = new RecordingListener();
    lease.keepAlive(id, listener);
    Eventually.until(Duration.ofSeconds(5), "a refresh", () -> !listener.refreshes.isEmpty());

    etcd.etcdctl("lease", "revoke", Long.toHexString(id));

    // Found at the next refresh, a third of the TTL later.
    Eventually.until(Duration.ofSeconds(3), "onLost", () -> !listener.lost.isEmpty());
    LeaseLostException lost = listener.lost.get(0);
    assertThat(lost.leaseId()).isEqualTo(id);
    assertThat(lost.reason()).isEqualTo(LeaseLostReason.NOT_FOUND);
    assertThat(listener.terminals()).isEqualTo(1);
  }

  @Test
  void revokeByAnotherClientIsReportedLost() {
    long id = grant(Duration.ofSeconds(2));
    RecordingListener listener = new RecordingListener();
    lease.keepAlive(id, listener);
    try (EtcdClient other = EtcdClient.builder().endpoints(etcd.endpoint()).build()) {
      Blocking.get(other.lease().revoke(id));
    }
    Eventually.until(Duration.ofSeconds(3), "onLost", () -> !listener.lost.isEmpty());
    assertThat(listener.lost.get(0).reason()).isEqualTo(LeaseLostReason.NOT_FOUND);
  }

  @Test
  void revokingWhileKeptAliveIsReportedAtOnce() {
    long id = grant(Duration.ofSeconds(60));
    RecordingListener first = new RecordingListener();
    RecordingListener second = new RecordingListener();
    lease.keepAlive(id, first);
    lease.keepAlive(id, second);
    Eventually.until(Duration.ofSeconds(5), "a refresh", () -> !second.refreshes.isEmpty());

    Blocking.get(lease.revoke(id));

    // Without the nudge after our own revoke this would wait for the next refresh, 20 s away.
    Eventually.until(
        Duration.ofSeconds(3), "onLost", () -> first.terminated() && second.terminated());
    assertThat(first.lost)
        .singleElement()
        .extracting(LeaseLostException::reason)
        .isEqualTo(LeaseLostReason.NOT_FOUND);
    assertThat(second.lost).hasSize(1);
  }

  @Test
  void keepAliveOfAMissingLeaseIsLostAtOnce() {
    long id = grant(Duration.ofSeconds(5));
    Blocking.get(lease.revoke(id));
    RecordingListener listener = new RecordingListener();
    lease.keepAlive(id, listener);
    Eventually.until(Duration.ofSeconds(3), "onLost", () -> !listener.lost.isEmpty());
    assertThat(listener.lost.get(0).reason()).isEqualTo(LeaseLostReason.NOT_FOUND);
    assertThat(listener.refreshes).isEmpty();
  }

  @Test
  void closingOneOfTwoHandlesKeepsTheOtherGoing() {
    long id = grant(Duration.ofSeconds(2));
    RecordingListener first = new RecordingListener();
    RecordingListener second = new RecordingListener();
    KeepAlive a = lease.keepAlive(id, first);
    lease.keepAlive(id, second);
    Eventually.until(Duration.ofSeconds(3), "a refresh", () -> !first.refreshes.isEmpty());
    a.close();
    int before = second.refreshes.size();
    Eventually.until(
        Duration.ofSeconds(4), "more refreshes", () -> second.refreshes.size() >= before + 4);
    assertThat(Blocking.get(lease.timeToLive(id)).remaining()).isPositive();
    assertThat(first.closed.get()).isEqualTo(1);
    assertThat(second.terminated()).isFalse();
  }

  @Test
  void closingTheClientTellsListenersClosedNotLost() {
    EtcdClient own = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    long id = Blocking.get(own.lease().grant(Duration.ofSeconds(30))).id();
    RecordingListener listener = new RecordingListener();
    own.lease().keepAlive(id, listener);
    Eventually.until(Duration.ofSeconds(5), "a refresh", () -> !listener.refreshes.isEmpty());

    own.close();

    Eventually.until(Duration.ofSeconds(3), "onClosed", () -> listener.closed.get() == 1);
    assertThat(listener.lost).isEmpty();
    assertThat(Blocking.get(lease.timeToLive(id)).remaining()).isPositive();
    assertThatThrownBy(() -> own.lease().keepAlive(id, new RecordingListener()))
        .isInstanceOf(EtcdException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void timeToLiveKeysAreSeenThroughTheNamespace() {
    try (EtcdClient spaced = EtcdClient.builder().endpoints(etcd.endpoint()).namespace(p).build()) {
      long id = Blocking.get(spaced.lease().grant(Duration.ofSeconds(30))).id();
      Blocking.get(spaced.kv().put("inside", "1", PutOptions.DEFAULT.withLease(id)));
      Blocking.get(client.kv().put("/elsewhere" + p, "2", PutOptions.DEFAULT.withLease(id)));

      assertThat(Blocking.get(spaced.lease().timeToLive(id, true)).keyStrings())
          .containsExactly("inside");
      assertThat(Blocking.get(lease.timeToLive(id, true)).keyStrings())
          .containsExactlyInAnyOrder(p + "inside", "/elsewhere" + p);
    }
  }
}
