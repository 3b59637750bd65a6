package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.kv.Cmp;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.client.kv.Op;
import io.typedetcd.repository.fixtures.ServiceConfig;
import io.typedetcd.repository.fixtures.ServiceConfigRepository;
import io.typedetcd.testing.EtcdExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** FIELDS-layout repositories against real etcd, including edits made with etcdctl. */
class FieldsRepositoryIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static EtcdClient client;
  static ServiceConfigRepository configs;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    configs = Repositories.create(ServiceConfigRepository.class, client);
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void clean() {
    Blocking.get(client.kv().delete("/it/", DeleteOptions.DEFAULT.withPrefix()));
  }

  static Map<String, String> stored(String prefix) {
    Map<String, String> out = new LinkedHashMap<>();
    for (KeyValue kv :
        Blocking.get(client.kv().get(prefix, GetOptions.DEFAULT.withPrefix())).kvs()) {
      out.put(kv.key(), kv.value());
    }
    return out;
  }

  @Test
  void saveWritesOneReadableKeyPerNonNullPropertyInOneTransaction() {
    ServiceConfig saved =
        configs.save(ServiceConfig.of("prod", "web", 8080).withTags(List.of("a", "b")));

    Map<String, String> keys = stored("/it/config/");
    assertThat(keys)
        .containsExactly(
            Map.entry("/it/config/prod/web/enabled", "true"),
            Map.entry("/it/config/prod/web/host", "10.0.0.1"),
            Map.entry("/it/config/prod/web/port", "8080"),
            Map.entry("/it/config/prod/web/tags", "[\"a\",\"b\"]"));
    List<KeyValue> kvs =
        Blocking.get(client.kv().get("/it/config/", GetOptions.DEFAULT.withPrefix())).kvs();
    assertThat(kvs).allMatch(kv -> kv.modRevision() == saved.version());
    assertThat(configs.findById(saved.key())).contains(saved);
    assertThat(configs.findByEnvAndService("prod", "web")).contains(saved);
    assertThat(configs.existsById(saved.key())).isTrue();
  }

  @Test
  void aPropertySetToNullHasItsKeyDeleted() {
    ServiceConfig v1 = configs.save(ServiceConfig.of("prod", "web", 8080).withOwner("ops"));
    assertThat(stored("/it/config/")).containsKey("/it/config/prod/web/owner");

    ServiceConfig v2 = configs.save(v1.withOwner(null));
    assertThat(stored("/it/config/")).doesNotContainKey("/it/config/prod/web/owner");
    assertThat(configs.findById(v1.key())).contains(v2);
  }

  @Test
  void emptyRangeComparesLikeOneAbsentKeyInEtcd34() {
    // What FieldsStore's guards rely on: an empty range compares as a key with revisions 0.
    String p = "/it/empty/";
    assertThat(txnSucceeds(Cmp.createRevision(p).withPrefix().equalTo(0))).isTrue();
    assertThat(txnSucceeds(Cmp.modRevision(p).withPrefix().lessThan(5))).isTrue();
    assertThat(txnSucceeds(Cmp.createRevision(p).withPrefix().greaterThan(0))).isFalse();
    Blocking.get(client.kv().put(p + "a", "1"));
    Blocking.get(client.kv().put(p + "b", "2"));
    long rev = Blocking.get(client.kv().get(p + "b")).kvs().get(0).modRevision();
    assertThat(txnSucceeds(Cmp.createRevision(p).withPrefix().equalTo(0))).isFalse();
    assertThat(txnSucceeds(Cmp.createRevision(p).withPrefix().greaterThan(0))).isTrue();
    assertThat(txnSucceeds(Cmp.modRevision(p).withPrefix().lessThan(rev + 1))).isTrue();
    assertThat(txnSucceeds(Cmp.modRevision(p).withPrefix().lessThan(rev))).isFalse();
  }

  static boolean txnSucceeds(Cmp cmp) {
    return Blocking.get(client.kv().txn().when(cmp).then(Op.get("/x")).commit()).succeeded();
  }

  @Test
  void insertUpdateAndConflictsUseTheHighestModRevisionAsVersion() {
    ServiceConfig v1 = configs.save(ServiceConfig.of("prod", "web", 8080));
    assertThatThrownBy(() -> configs.save(ServiceConfig.of("prod", "web", 1)))
        .isInstanceOfSatisfying(
            EntityExistsException.class,
            e -> {
              assertThat(e.currentVersion()).isEqualTo(v1.version());
              assertThat(e.key()).isEqualTo("/it/config/prod/web");
            });

    ServiceConfig v2 = configs.save(v1.withPort(8081));
    assertThat(v2.version()).isGreaterThan(v1.version());
    assertThatThrownBy(() -> configs.save(v1.withPort(8082)))
        .isInstanceOfSatisfying(
            OptimisticLockException.class,
            e -> {
              assertThat(e.expectedVersion()).isEqualTo(v1.version());
              assertThat(e.currentVersion()).isEqualTo(v2.version());
            });
    assertThat(configs.findById(v1.key()).orElseThrow().port()).isEqualTo(8081);
  }

  @Test
  void anEditOfOnePropertyByAnotherToolIsAConflict() {
    ServiceConfig v1 = configs.save(ServiceConfig.of("prod", "web", 8080));
    etcd.etcdctl("put", "/it/config/prod/web/enabled", "false");

    assertThatThrownBy(() -> configs.save(v1.withPort(9)))
        .isInstanceOf(OptimisticLockException.class);
    etcd.etcdctl("put", "/it/config/prod/web/owner", "someone"); // a key created after v1
    ServiceConfig current = configs.findById(v1.key()).orElseThrow();
    assertThat(current.enabled()).isFalse();
    assertThat(current.owner()).isEqualTo("someone");
    assertThat(configs.save(current.withPort(9)).port()).isEqualTo(9);
  }

  @Test
  void updateOfADeletedEntityIsAConflictNotAResurrection() {
    ServiceConfig v1 = configs.save(ServiceConfig.of("prod", "web", 8080));
    assertThat(configs.deleteById(v1.key())).isTrue();

    assertThatThrownBy(() -> configs.save(v1.withPort(1)))
        .isInstanceOfSatisfying(
            OptimisticLockException.class, e -> assertThat(e.currentVersion()).isZero());
    assertThat(stored("/it/config/")).isEmpty();
    assertThat(configs.deleteById(v1.key())).isFalse();
  }

  @Test
  void aValueEditedWithEtcdctlIsReadBackTyped() {
    ServiceConfig saved = configs.save(ServiceConfig.of("prod", "web", 8080));
    etcd.etcdctl("put", "/it/config/prod/web/port", "9090");
    etcd.etcdctl("put", "/it/config/prod/web/tags", "[\"edited\"]");

    ServiceConfig read = configs.findById(saved.key()).orElseThrow();
    assertThat(read.port()).isEqualTo(9090);
    assertThat(read.tags()).containsExactly("edited");
    assertThat(read.version()).isGreaterThan(saved.version());
    assertThat(read.host()).isEqualTo(saved.host());
  }

  @Test
  void aBadValueFromEtcdctlIsAMappingExceptionNamingKeyAndProperty() {
    configs.save(ServiceConfig.of("prod", "web", 8080));
    etcd.etcdctl("put", "/it/config/prod/web/port", "ninety");

    assertThatThrownBy(() -> configs.findById(new ServiceConfig.Id("prod", "web")))
        .isInstanceOfSatisfying(
            MappingException.class,
            e -> {
              assertThat(e.key()).isEqualTo("/it/config/prod/web/port");
              assertThat(e.property()).isEqualTo("port");
              assertThat(e.getMessage()).contains("'ninety' does not parse");
            });
  }

  @Test
  void aPartlyStoredEntityIsReportedNotHalfFilled() {
    configs.save(ServiceConfig.of("prod", "web", 8080));
    etcd.etcdctl("del", "/it/config/prod/web/host");

    assertThatThrownBy(() -> configs.findByEnv("prod"))
        .isInstanceOfSatisfying(
            MappingException.class,
            e -> {
              assertThat(e.key()).isEqualTo("/it/config/prod/web/host");
              assertThat(e.property()).isEqualTo("host");
              assertThat(e.getMessage()).contains("is missing");
            });
  }

  @Test
  void unknownPropertyKeysAreIgnoredByReadsAndKeptBySaves() {
    ServiceConfig v1 = configs.save(ServiceConfig.of("prod", "web", 8080));
    etcd.etcdctl("put", "/it/config/prod/web/zone", "eu-1a"); // a newer writer's property

    ServiceConfig read = configs.findById(v1.key()).orElseThrow();
    assertThat(read.port()).isEqualTo(8080);
    configs.save(read.withPort(8081));
    assertThat(stored("/it/config/")).containsEntry("/it/config/prod/web/zone", "eu-1a");
    assertThat(configs.count()).isEqualTo(1);
  }

  @Test
  void keysThatAreNotPropertyKeysAreReported() {
    configs.save(ServiceConfig.of("prod", "web", 8080));
    etcd.etcdctl("put", "/it/config/prod/web/x/y", "deeper than a property");
    assertThatThrownBy(() -> configs.findAll())
        .isInstanceOfSatisfying(
            MappingException.class, e -> assertThat(e.key()).isEqualTo("/it/config/prod/web/x"));

    etcd.etcdctl("del", "/it/config/prod/web/x/y");
    etcd.etcdctl("put", "/it/config/loose", "no property part");
    assertThatThrownBy(() -> configs.findAll())
        .isInstanceOfSatisfying(
            MappingException.class, e -> assertThat(e.key()).isEqualTo("/it/config/loose"));
  }

  @Test
  void limitsCountEntitiesNotKeysInBothDirections() {
    // entities with 3 to 5 keys each, and one with many unknown keys, so limits cross pages
    for (String service : List.of("a", "b", "c", "d", "e")) {
      ServiceConfig c = ServiceConfig.of("prod", service, 80);
      configs.save(service.equals("b") ? c.withOwner("o").withTags(List.of("t")) : c);
    }
    for (int i = 0; i < 20; i++) {
      Blocking.get(client.kv().put("/it/config/prod/c/extra" + i, "x"));
    }
    configs.save(ServiceConfig.of("prod2", "z", 1));

    assertThat(configs.findTop3ByEnv("prod"))
        .extracting(ServiceConfig::service)
        .containsExactly("a", "b", "c");
    assertThat(configs.findTop3ByEnvOrderByServiceDesc("prod"))
        .extracting(ServiceConfig::service)
        .containsExactly("e", "d", "c");
    assertThat(configs.findByEnv("prod")).hasSize(5).allMatch(c -> c.port() == 80);
    assertThat(configs.countByEnv("prod")).isEqualTo(5);
    assertThat(configs.count()).isEqualTo(6);
    try (Stream<ServiceConfig> s = configs.streamByEnv("prod")) {
      assertThat(s).extracting(ServiceConfig::service).containsExactly("a", "b", "c", "d", "e");
    }
  }

  @Test
  void deletesAndExistenceCountEntities() {
    for (String service : List.of("a", "b", "c")) {
      configs.save(ServiceConfig.of("prod", service, 80).withOwner("o"));
    }
    configs.save(ServiceConfig.of("test", "a", 80));

    assertThat(configs.existsByEnv("prod")).isTrue();
    assertThat(configs.existsByEnv("dev")).isFalse();
    assertThat(configs.deleteByEnv("prod")).isEqualTo(3);
    assertThat(configs.existsByEnv("prod")).isFalse();
    assertThat(configs.deleteAll()).isEqualTo(1);
    assertThat(stored("/it/config/")).isEmpty();
  }

  @Test
  void hostileKeyValuesAreEscapedAndRoundTrip() {
    List<String> hostile = List.of("/", "", "%", "%2F", "a/b", "東京 🚀");
    for (String env : hostile) {
      for (String service : hostile) {
        configs.save(ServiceConfig.of(env, service, 1));
      }
    }
    for (String env : hostile) {
      assertThat(configs.findByEnv(env))
          .as("findByEnv('%s')", env)
          .hasSize(hostile.size())
          .allMatch(c -> c.env().equals(env));
      for (String service : hostile) {
        assertThat(configs.findById(new ServiceConfig.Id(env, service))).isPresent();
      }
    }
    assertThat(configs.count()).isEqualTo(hostile.size() * hostile.size());
    assertThat(stored("/it/config/").keySet())
        .allMatch(k -> k.substring("/it/config/".length()).split("/", -1).length == 3);
  }

  @Test
  void asyncTwinsDoTheSame() {
    AsyncCrudRepository<ServiceConfig, ServiceConfig.Id> async = configs.async();
    ServiceConfig saved = async.save(ServiceConfig.of("prod", "web", 1)).join();
    assertThat(async.findById(saved.key()).join()).contains(saved);
    assertThat(async.existsById(saved.key()).join()).isTrue();
    assertThat(async.count().join()).isEqualTo(1);
    assertThat(async.findAll().join()).containsExactly(saved);
    assertThat(async.deleteById(saved.key()).join()).isTrue();
    assertThat(async.findById(saved.key()).join()).isEmpty();
  }
}
