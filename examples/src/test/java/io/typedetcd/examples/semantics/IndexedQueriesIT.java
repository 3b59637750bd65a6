package io.typedetcd.examples.semantics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.repository.IndexReport;
import io.typedetcd.repository.OptimisticLockException;
import io.typedetcd.repository.Repositories;
import io.typedetcd.repository.UniqueConstraintException;
import io.typedetcd.testing.EtcdExtension;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Generated finders on @Indexed properties, against etcd: index reads, drift, uniqueness. */
class IndexedQueriesIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static EtcdClient client;
  static Instance.Repository instances;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    instances = Repositories.create(Instance.Repository.class, client);
  }

  @AfterAll
  static void close() {
    client.close();
  }

  /** a1, a2 in zone eu-1; b1 in eu-2; c1 in us-1 (keys sort: eu/a1, eu/a2, eu/b1, us/c1). */
  @BeforeEach
  void fill() {
    Blocking.get(client.kv().delete("/ex/semantics/", DeleteOptions.DEFAULT.withPrefix()));
    instances.saveAll(
        List.of(
            Instance.of("eu", "a2", "eu-1", "10.0.0.2"),
            Instance.of("eu", "a1", "eu-1", "10.0.0.1"),
            Instance.of("eu", "b1", "eu-2", "10.0.1.1"),
            Instance.of("us", "c1", "us-1", "10.1.0.1")));
  }

  static List<String> ids(List<Instance> found) {
    return found.stream().map(Instance::id).toList();
  }

  static List<String> keys(String prefix) {
    return Blocking.get(client.kv().get(prefix, GetOptions.DEFAULT.withPrefix())).kvs().stream()
        .map(KeyValue::key)
        .toList();
  }

  @Test
  void everyVerbReadsThroughTheIndexInKeyOrder() throws Exception {
    assertThat(ids(instances.findByZone("eu-1"))).containsExactly("a1", "a2");
    assertThat(ids(instances.findTop2ByZone("eu-1"))).containsExactly("a1", "a2");
    assertThat(instances.findFirstByZone("eu-1")).map(Instance::id).contains("a1");
    assertThat(instances.findFirstByZone("nowhere")).isEmpty();
    try (Stream<Instance> s = instances.streamByZone("eu-1")) {
      assertThat(s.map(Instance::id)).containsExactly("a1", "a2");
    }
    assertThat(instances.countByZone("eu-1")).isEqualTo(2);
    assertThat(instances.countByZone("eu-")).isZero(); // a value, not a prefix
    assertThat(instances.existsByZone("us-1")).isTrue();
    assertThat(ids(instances.findByZoneAsync("eu-2").get())).containsExactly("b1");

    assertThat(instances.findByAddress("10.0.1.1")).map(Instance::id).contains("b1");
    assertThat(instances.findByAddressAsync("10.9.9.9").get()).isNull();
    assertThat(instances.existsByAddress("10.1.0.1")).isTrue();
    // Index keys live next to the entity prefix, not under it.
    assertThat(keys("/ex/semantics/instances%idx/zone/")).hasSize(4);
    assertThat(keys("/ex/semantics/instances%uniq/address/")).hasSize(4);
    assertThat(instances.findAll()).hasSize(4);
  }

  @Test
  void aChangedValueMovesTheEntityToItsNewIndexKeyInTheSameWrite() {
    Instance a1 = instances.findByAddress("10.0.0.1").orElseThrow();
    Instance moved = instances.save(a1.withZone("eu-2").withAddress("10.0.1.2"));

    assertThat(moved.version()).isGreaterThan(a1.version());
    assertThat(ids(instances.findByZone("eu-1"))).containsExactly("a2");
    assertThat(ids(instances.findByZone("eu-2"))).containsExactly("a1", "b1");
    assertThat(instances.findByAddress("10.0.0.1")).isEmpty();
    assertThat(instances.findByAddress("10.0.1.2")).contains(moved);
    assertThat(instances.verifyIndexes().consistent()).isTrue();
    // The version guards it: saving the old copy again is refused and changes nothing.
    assertThatThrownBy(() -> instances.save(a1.withPort(81)))
        .isInstanceOf(OptimisticLockException.class);
    assertThat(ids(instances.findByZone("eu-1"))).containsExactly("a2");
  }

  @Test
  void aStaleIndexNeverReturnsAnEntityThatNoLongerHasTheValue() {
    // Another tool rewrites a1's value past the repository: its index keys still say eu-1.
    Blocking.get(
        client
            .kv()
            .put(
                "/ex/semantics/instances/eu/a1",
                "{\"zone\":\"eu-3\",\"address\":\"10.0.0.1\",\"port\":80}"));

    assertThat(ids(instances.findByZone("eu-1"))).containsExactly("a2");
    assertThat(instances.countByZone("eu-1")).isEqualTo(1);
    assertThat(instances.findByZone("eu-3")).isEmpty(); // not indexed yet

    IndexReport drift = instances.verifyIndexes();
    assertThat(drift.consistent()).isFalse();
    assertThat(drift.staleKeys()).anyMatch(k -> k.contains("%idx/zone/eu-1/"));
    assertThat(drift.missingKeys()).anyMatch(k -> k.contains("%idx/zone/eu-3/"));
    instances.rebuildIndexes();
    assertThat(ids(instances.findByZone("eu-3"))).containsExactly("a1");
    assertThat(instances.verifyIndexes().consistent()).isTrue();
  }

  @Test
  void aDuplicateUniqueValueIsATypedErrorAndWritesNothing() {
    Instance dup = Instance.of("us", "c2", "us-1", "10.0.0.1"); // a1's address

    assertThatThrownBy(() -> instances.save(dup))
        .isInstanceOfSatisfying(
            UniqueConstraintException.class,
            e -> {
              assertThat(e.property()).isEqualTo("address");
              assertThat(e.holderKey()).isEqualTo("/ex/semantics/instances/eu/a1");
            });
    assertThat(instances.existsById(new Instance_Id("us", "c2"))).isFalse();
    assertThat(ids(instances.findByZone("us-1"))).containsExactly("c1"); // no partial index write
    assertThat(instances.findByAddress("10.0.0.1")).map(Instance::id).contains("a1");
  }

  @Test
  void deleteByAnIndexedValueDeletesTheEntitiesAndTheirIndexKeys() {
    assertThat(instances.deleteByZone("eu-1")).isEqualTo(2);

    assertThat(ids(instances.findAll())).containsExactly("b1", "c1");
    assertThat(instances.existsByAddress("10.0.0.1")).isFalse();
    assertThat(keys("/ex/semantics/instances%idx/zone/")).hasSize(2);
    assertThat(instances.verifyIndexes().consistent()).isTrue();
  }
}
