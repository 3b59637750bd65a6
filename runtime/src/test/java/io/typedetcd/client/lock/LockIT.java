package io.typedetcd.client.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.LeaseNotFoundException;
import io.typedetcd.client.OutcomeUnknownException;
import io.typedetcd.client.kv.Cmp;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.client.kv.Op;
import io.typedetcd.testing.EtcdExtension;
import io.typedetcd.testing.Eventually;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

class LockIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static EtcdClient client;
  static Lock lock;
  String name;

  @BeforeAll
  static void connect() {
    // A short call timeout shows that waiting for a lock is not bounded by it.
    client =
        EtcdClient.builder().endpoints(etcd.endpoint()).callTimeout(Duration.ofSeconds(2)).build();
    lock = client.lock();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void name(TestInfo info) {
    name = "/locks/" + info.getTestMethod().orElseThrow().getName();
  }

  long lease(Duration ttl) {
    return Blocking.get(client.lease().grant(ttl)).id();
  }

  long lease() {
    return lease(Duration.ofSeconds(60));
  }

  long keys() {
    return Blocking.get(client.kv().get(name + "/", GetOptions.DEFAULT.withPrefix())).count();
  }

  @Test
  void theSecondLockerGetsTheLockOnlyAfterTheFirstUnlocks() {
    long first = lease();
    long second = lease();
    LockKey held = Blocking.get(lock.lock(name, first));
    assertThat(held.key()).isEqualTo(name + "/" + Long.toHexString(first));
    assertThat(Blocking.get(lock.lock(name, first))).isEqualTo(held); // per lease: same key

    CompletableFuture<LockKey> waiting = lock.lock(name, second);
    // Longer than the client's 2 s call timeout: the wait is not bounded by it.
    Eventually.holdsFor(Duration.ofSeconds(3), "the second locker waits", () -> !waiting.isDone());

    Blocking.get(lock.unlock(held));
    LockKey next = Blocking.get(waiting);
    assertThat(next.key()).isEqualTo(name + "/" + Long.toHexString(second));
    assertThat(next.revision()).isGreaterThan(held.revision());
    Blocking.get(lock.unlock(next));
    assertThat(keys()).isZero();
  }

  @Test
  void theRevisionFencesWritesOfAFormerHolder() {
    LockKey held = Blocking.get(lock.lock(name, lease()));
    Cmp stillMine = Cmp.createRevision(held.key()).equalTo(held.revision());
    assertThat(
            Blocking.get(
                    client.kv().txn().when(stillMine).then(Op.put(name + "-data", "1")).commit())
                .succeeded())
        .isTrue();

    Blocking.get(lock.unlock(held));
    LockKey again = Blocking.get(lock.lock(name, lease()));

    assertThat(again.revision()).isGreaterThan(held.revision());
    assertThat(
            Blocking.get(
                    client.kv().txn().when(stillMine).then(Op.put(name + "-data", "2")).commit())
                .succeeded())
        .isFalse();
  }

  @Test
  void theLockIsReleasedWhenItsLeaseIsRevoked() {
    long first = lease();
    Blocking.get(lock.lock(name, first));
    CompletableFuture<LockKey> waiting = lock.lock(name, lease());
    Eventually.until(Duration.ofSeconds(5), "the second locker waits", () -> keys() == 2);
    assertThat(waiting).isNotDone();

    Blocking.get(client.lease().revoke(first));

    assertThat(Blocking.get(waiting).revision()).isPositive();
    assertThat(keys()).isEqualTo(1);
  }

  @Test
  void cancellingAWaitingLockStopsWaitingAndItNeverAcquires() {
    LockKey held = Blocking.get(lock.lock(name, lease()));
    long cancelled = lease();
    CompletableFuture<LockKey> waiting = lock.lock(name, cancelled);
    Eventually.until(Duration.ofSeconds(5), "the second locker waits", () -> keys() == 2);

    assertThat(waiting.cancel(true)).isTrue();

    Eventually.until(Duration.ofSeconds(5), "etcd drops the waiting key", () -> keys() == 1);
    Blocking.get(lock.unlock(held));
    LockKey third = Blocking.get(lock.lock(name, lease()));
    assertThat(third.revision()).isGreaterThan(held.revision());
    String cancelledKey = name + "/" + Long.toHexString(cancelled);
    Eventually.holdsFor(
        Duration.ofMillis(500),
        "the cancelled waiter's key stays deleted",
        () -> Blocking.get(client.kv().get(cancelledKey)).count() == 0);
  }

  @Test
  void aLockTimeoutGivesUpAndLeavesNoKey() {
    Blocking.get(lock.lock(name, lease()));
    CompletableFuture<LockKey> timed =
        lock.lock(name, lease(), LockOptions.DEFAULT.withTimeout(Duration.ofMillis(700)));
    // Our deadline or etcd's view of it ("context deadline exceeded"), whichever comes first.
    assertThatThrownBy(() -> Blocking.get(timed))
        .isInstanceOf(OutcomeUnknownException.class)
        .hasMessageContaining("deadline exceeded");
    Eventually.until(Duration.ofSeconds(5), "etcd drops the waiting key", () -> keys() == 1);
  }

  @Test
  void aMissingLeaseIsNamed() {
    long gone = lease();
    Blocking.get(client.lease().revoke(gone));
    assertThatThrownBy(() -> Blocking.get(lock.lock(name, gone)))
        .isInstanceOfSatisfying(
            LeaseNotFoundException.class, e -> assertThat(e.leaseId()).isEqualTo(gone));
  }

  @Test
  void aLeaseThatEndsWhileWaitingDoesNotGetTheLock() {
    LockKey held = Blocking.get(lock.lock(name, lease()));
    long shortLived = lease(Duration.ofSeconds(2));
    CompletableFuture<LockKey> waiting = lock.lock(name, shortLived);
    Eventually.until(Duration.ofSeconds(5), "the second locker waits", () -> keys() == 2);
    Eventually.until(Duration.ofSeconds(6), "the short lease expires", () -> keys() == 1);

    Blocking.get(lock.unlock(held));

    assertThatThrownBy(() -> Blocking.get(waiting))
        .isInstanceOfSatisfying(
            LeaseNotFoundException.class, e -> assertThat(e.leaseId()).isEqualTo(shortLived));
  }

  @Test
  void lockNamesAndKeysLiveInTheNamespace() {
    try (EtcdClient spaced =
        EtcdClient.builder().endpoints(etcd.endpoint()).namespace("/ns").build()) {
      long id = Blocking.get(spaced.lease().grant(Duration.ofSeconds(60))).id();
      LockKey held = Blocking.get(spaced.lock().lock(name, id));
      assertThat(held.key()).isEqualTo(name + "/" + Long.toHexString(id));
      assertThat(Blocking.get(client.kv().get("/ns" + held.key())).count()).isEqualTo(1);
      assertThat(keys()).isZero();

      Blocking.get(spaced.lock().unlock(held));
      assertThat(Blocking.get(client.kv().get("/ns" + held.key())).count()).isZero();
    }
  }

  @Test
  void argumentsAreCheckedAtOnce() {
    assertThatThrownBy(() -> lock.lock("", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> lock.lock(name, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leaseId");
    assertThatThrownBy(() -> LockOptions.DEFAULT.withTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> lock.unlock(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("key");
  }
}
