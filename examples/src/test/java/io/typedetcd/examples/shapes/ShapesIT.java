package io.typedetcd.examples.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.typedetcd.client.EtcdClient;
import io.typedetcd.repository.CrudRepository;
import io.typedetcd.repository.EntityExistsException;
import io.typedetcd.repository.OptimisticLockException;
import io.typedetcd.repository.Repositories;
import io.typedetcd.testing.EtcdExtension;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CRUD through processor-generated repositories for every supported entity shape (record, public
 * fields, getters and setters, constructor) in both layouts, checking what etcd stores with
 * etcdctl.
 */
class ShapesIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static EtcdClient client;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  /** The keys etcd holds under {@code prefix}, as etcdctl prints them. */
  static List<String> keys(String prefix) {
    return Arrays.stream(etcd.etcdctl("get", "--prefix", "--keys-only", prefix).split("\n"))
        .filter(line -> !line.isBlank())
        .toList();
  }

  static String value(String key) {
    return etcd.etcdctl("get", "--print-value-only", key).strip();
  }

  /**
   * The CRUD contract, on fresh instances from the suppliers ({@code first}'s id sorts before
   * {@code second}'s); {@code change} returns a changed copy (or the changed instance itself).
   */
  static <T, ID> void crud(
      CrudRepository<T, ID> repo,
      Supplier<T> first,
      Supplier<T> second,
      Function<T, ID> id,
      ToLongFunction<T> version,
      UnaryOperator<T> change) {
    ID firstId = id.apply(first.get());
    ID secondId = id.apply(second.get());
    assertThat(repo.findById(firstId)).isEmpty();
    assertThat(repo.existsById(firstId)).isFalse();

    T saved = repo.save(first.get());
    assertThat(version.applyAsLong(saved)).isPositive();
    assertThat(repo.findById(firstId)).get().usingRecursiveComparison().isEqualTo(saved);
    assertThat(repo.existsById(firstId)).isTrue();
    assertThat(repo.existsById(secondId)).isFalse();
    assertThatThrownBy(() -> repo.save(first.get()))
        .as("a save with version 0 only inserts")
        .isInstanceOf(EntityExistsException.class)
        .hasMessageContaining("already exists (version " + version.applyAsLong(saved) + ")");

    T savedSecond = repo.save(second.get());
    assertThat(repo.findAll())
        .usingRecursiveFieldByFieldElementComparator()
        .containsExactly(saved, savedSecond);
    try (Stream<T> all = repo.streamAll()) {
      assertThat(all.map(id).toList()).containsExactly(firstId, secondId);
    }
    assertThat(repo.count()).isEqualTo(2);

    T stale = repo.findById(firstId).orElseThrow();
    T updated = repo.save(change.apply(repo.findById(firstId).orElseThrow()));
    assertThat(version.applyAsLong(updated)).isGreaterThan(version.applyAsLong(saved));
    assertThat(repo.findById(firstId)).get().usingRecursiveComparison().isEqualTo(updated);
    assertThat(repo.findById(firstId)).get().usingRecursiveComparison().isNotEqualTo(saved);
    long staleVersion = version.applyAsLong(stale);
    assertThatThrownBy(() -> repo.save(change.apply(stale)))
        .isInstanceOfSatisfying(
            OptimisticLockException.class,
            e -> {
              assertThat(e.expectedVersion()).isEqualTo(staleVersion);
              assertThat(e.currentVersion()).isEqualTo(version.applyAsLong(updated));
            });
    assertThat(repo.async().findById(firstId).join())
        .get()
        .usingRecursiveComparison()
        .isEqualTo(updated);

    repo.delete(repo.findById(firstId).orElseThrow());
    assertThat(repo.existsById(firstId)).isFalse();
    assertThat(repo.deleteById(secondId)).isTrue();
    assertThat(repo.deleteById(secondId)).isFalse();
    assertThat(repo.count()).isZero();

    assertThat(repo.saveAll(List.of(first.get(), second.get()))).hasSize(2);
    assertThat(repo.async().count().join()).isEqualTo(2);
    assertThat(repo.deleteAll()).isEqualTo(2);
    assertThat(repo.findAll()).isEmpty();
  }

  @Test
  void recordInDocumentLayout() {
    Note.Repository notes = Repositories.create(Note.Repository.class, client);
    Instant at = Instant.parse("2024-05-01T10:15:30.123Z");
    crud(
        notes,
        () -> new Note("n1", "hello", 3, List.of("a", "b"), at, null, 0),
        () -> new Note("n2", "world", 5, List.of(), at, "kept", 0),
        Note::id,
        Note::version,
        n -> n.withText("changed"));

    Note saved = notes.save(new Note("n1", "hello", 3, List.of("a"), at, null, 0));
    assertThat(keys("/ex/shapes/notes/")).containsExactly("/ex/shapes/notes/n1");
    assertThat(value("/ex/shapes/notes/n1"))
        .startsWith("{")
        .contains("\"text\":\"hello\"", "\"stars\":3", "\"tags\":[\"a\"]")
        .doesNotContain("comment", "version");
    assertThat(notes.findById("n1")).contains(saved);
    notes.deleteAll();
  }

  @Test
  void recordInFieldsLayout() {
    Quota.Repository quotas = Repositories.create(Quota.Repository.class, client);
    crud(
        quotas,
        () -> new Quota("acme", "cpu", 64, true, List.of("eu", "us"), null, 0),
        () -> new Quota("acme", "disk", 1000, false, List.of(), "ops", 0),
        Quota::key,
        Quota::version,
        q -> q.withMaxUnits(q.maxUnits() * 2).withOwner("finance"));

    Quota saved = quotas.save(new Quota("acme", "cpu", 64, true, List.of("eu"), "ops", 0));
    assertThat(keys("/ex/shapes/quotas/"))
        .containsExactly(
            "/ex/shapes/quotas/acme/cpu/hard",
            "/ex/shapes/quotas/acme/cpu/max-units",
            "/ex/shapes/quotas/acme/cpu/owner",
            "/ex/shapes/quotas/acme/cpu/regions");
    assertThat(value("/ex/shapes/quotas/acme/cpu/max-units")).isEqualTo("64");
    assertThat(value("/ex/shapes/quotas/acme/cpu/regions")).isEqualTo("[\"eu\"]");
    assertThat(value("/ex/shapes/quotas/acme/cpu/owner")).isEqualTo("ops");

    // a property set to null loses its key
    Quota unowned = quotas.save(saved.withOwner(null));
    assertThat(keys("/ex/shapes/quotas/")).doesNotContain("/ex/shapes/quotas/acme/cpu/owner");
    assertThat(quotas.findById(saved.key())).contains(unowned);
    quotas.deleteAll();
  }

  @Test
  void publicFieldsInDocumentLayout() {
    Point.Repository points = Repositories.create(Point.Repository.class, client);
    crud(
        points,
        () -> new Point("a", 1.5, -2.25),
        () -> new Point("b", 0, 0),
        p -> p.name,
        p -> p.version,
        p -> {
          p.x += 10;
          return p;
        });
    points.save(new Point("origin", 0.5, 1e-3));
    assertThat(value("/ex/shapes/points/origin")).contains("\"x\":0.5", "\"y\":0.001");
    points.deleteAll();
  }

  @Test
  void publicFieldsInFieldsLayout() {
    Counter.Repository counters = Repositories.create(Counter.Repository.class, client);
    crud(
        counters,
        () -> new Counter(-7, "negative", Long.MIN_VALUE),
        () -> new Counter(7, "positive", Long.MAX_VALUE),
        c -> c.id,
        c -> c.version,
        c -> {
          c.value++;
          return c;
        });
    counters.save(new Counter(42, "answer", 1));
    assertThat(keys("/ex/shapes/counters/"))
        .containsExactly(
            "/ex/shapes/counters/0000000042/label", "/ex/shapes/counters/0000000042/value");
    assertThat(value("/ex/shapes/counters/0000000042/label")).isEqualTo("answer");
    counters.deleteAll();
  }

  @Test
  void gettersAndSettersInDocumentLayout() {
    Customer.Repository customers = Repositories.create(Customer.Repository.class, client);
    crud(
        customers,
        () -> Customer.of("c1", "a@example.com", true, 10),
        () -> Customer.of("c2", "b@example.com", false, 0),
        Customer::getId,
        Customer::getVersion,
        c -> {
          c.setLoyalty(c.getLoyalty() + 1);
          return c;
        });
    customers.save(Customer.of("c3", "c@example.com", true, 2));
    assertThat(value("/ex/shapes/customers/c3"))
        .contains("\"email\":\"c@example.com\"", "\"active\":true", "\"loyalty\":2");
    customers.deleteAll();
  }

  @Test
  void gettersAndSettersInFieldsLayout() {
    Flag.Repository flags = Repositories.create(Flag.Repository.class, client);
    crud(
        flags,
        () -> Flag.of(Flag.Stage.DEV, "dark-mode", true, 50),
        () -> Flag.of(Flag.Stage.PROD, "dark-mode", false, 0),
        f -> new Flag_Id(f.getStage(), f.getName()),
        Flag::getVersion,
        f -> {
          f.setDescription("now described");
          f.setRollout(100);
          return f;
        });
    Flag flag = Flag.of(Flag.Stage.PROD, "beta", true, 5);
    flag.setDescription("try it");
    flags.save(flag);
    assertThat(keys("/ex/shapes/flags/"))
        .containsExactly(
            "/ex/shapes/flags/PROD/beta/description",
            "/ex/shapes/flags/PROD/beta/enabled",
            "/ex/shapes/flags/PROD/beta/rollout");
    assertThat(value("/ex/shapes/flags/PROD/beta/enabled")).isEqualTo("true");
    flags.deleteAll();
  }

  @Test
  void constructorInDocumentLayout() {
    LedgerEntry.Repository ledger = Repositories.create(LedgerEntry.Repository.class, client);
    crud(
        ledger,
        () -> new LedgerEntry("acc", 1, new BigDecimal("12.50"), "first", 0),
        () -> new LedgerEntry("acc", 2, new BigDecimal("-0.01"), "second", 0),
        e -> new LedgerEntry_Id(e.account(), e.getSequence()),
        LedgerEntry::getVersion,
        e -> e.withMemo("corrected"));
    LedgerEntry saved = ledger.save(new LedgerEntry("acc", 3, new BigDecimal("1.10"), "m", 0));
    saved.reads(); // transient: never stored
    assertThat(value("/ex/shapes/ledger/acc/00000000000000000003"))
        .contains("\"amount\":1.10", "\"memo\":\"m\"")
        .doesNotContain("reads");
    LedgerEntry read = ledger.findById(new LedgerEntry_Id("acc", 3)).orElseThrow();
    assertThat(read.getAmount()).isEqualTo(new BigDecimal("1.10"));
    assertThat(read.reads()).isEqualTo(1);
    ledger.deleteAll();
  }

  @Test
  void constructorInFieldsLayout() {
    Host.Repository hosts = Repositories.create(Host.Repository.class, client);
    UUID low = new UUID(0x1000L, 1);
    UUID high = new UUID(0x2000L, 2);
    crud(
        hosts,
        () -> new Host(low, "10.0.0.1", 4, 8192L, 0),
        () -> new Host(high, "10.0.0.2", 8, 16384L, 0),
        Host::getId,
        Host::getVersion,
        h -> h.withCores(h.getCores() * 2));
    hosts.save(new Host(low, "10.0.0.1", 4, 8192L, 0));
    String base = "/ex/shapes/hosts/" + low;
    assertThat(keys("/ex/shapes/hosts/"))
        .containsExactly(base + "/address", base + "/cores", base + "/memoryMb");
    assertThat(value(base + "/memoryMb")).isEqualTo("8192");
    hosts.deleteAll();
  }
}
