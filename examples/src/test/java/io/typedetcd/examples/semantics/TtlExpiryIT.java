package io.typedetcd.examples.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.examples.EventRecorder;
import io.typedetcd.repository.EntityEvent;
import io.typedetcd.repository.Repositories;
import io.typedetcd.repository.Subscription;
import io.typedetcd.testing.EtcdExtension;
import io.typedetcd.testing.Eventually;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The default TTL of a generated mapper ({@code @EtcdEntity(ttl = "2s")}), against etcd. */
class TtlExpiryIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  @Test
  void savedEntitiesLiveWhileTheirClientDoesAndExpireWithTheirIndexKeysAfterItCloses() {
    try (EtcdClient observer = EtcdClient.builder().endpoints(etcd.endpoint()).build()) {
      Instance.Repository watched = Repositories.create(Instance.Repository.class, observer);
      EventRecorder<Instance, Instance_Id> recorder = new EventRecorder<>();
      EtcdClient owner = EtcdClient.builder().endpoints(etcd.endpoint()).build();
      Instance.Repository mine = Repositories.create(Instance.Repository.class, owner);
      try (Subscription s = watched.watchByRegion("eu", recorder)) {
        Blocking.get(s.started());
        Instance saved = mine.save(Instance.of("eu", "i1", "eu-1", "10.0.0.1"));
        long lease =
            Blocking.get(observer.kv().get("/ex/semantics/instances/eu/i1")).kvs().get(0).lease();
        assertThat(lease).isNotZero();
        assertThat(Blocking.get(observer.lease().timeToLive(lease)).granted())
            .isEqualTo(Duration.ofSeconds(2));
        // Kept alive past its TTL while the owner lives.
        Eventually.holdsFor(
            Duration.ofSeconds(3),
            "the entity is kept alive",
            () -> watched.findByAddress("10.0.0.1").equals(Optional.of(saved)));

        owner.close(); // without revoking: the lease runs out on the server
        long closed = System.nanoTime();
        Eventually.until(
            Duration.ofSeconds(3),
            "the entity expired (TTL 2 s + 1 s)",
            () -> !watched.existsById(new Instance_Id("eu", "i1")));
        assertThat(Duration.ofNanos(System.nanoTime() - closed)).isLessThan(Duration.ofSeconds(3));
        assertThat(watched.existsByAddress("10.0.0.1")).isFalse();
        assertThat(watched.countByZone("eu-1")).isZero();
        assertThat(
                Blocking.get(
                        observer
                            .kv()
                            .get("/ex/semantics/instances%", GetOptions.DEFAULT.withPrefix()))
                    .kvs())
            .as("index keys expire with the entity")
            .isEmpty();
        assertThat(recorder.await(2).get(1)).isInstanceOf(EntityEvent.Deleted.class);
      }
      assertThat(recorder.violations).isEmpty();
    }
  }
}
