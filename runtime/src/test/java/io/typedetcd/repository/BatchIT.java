package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.RequestTooLargeException;
import io.typedetcd.client.TooManyTxnOpsException;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.repository.fixtures.Host;
import io.typedetcd.repository.fixtures.HostRepository;
import io.typedetcd.repository.fixtures.Order;
import io.typedetcd.repository.fixtures.OrderRepository;
import io.typedetcd.repository.fixtures.Stock;
import io.typedetcd.repository.fixtures.StockRepository;
import io.typedetcd.testing.EtcdExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** saveAll / deleteAll / deleteAllById with BatchOptions against real etcd and its limits. */
class BatchIT {
  // The server's limits, matched by the client: 16 ops per transaction branch, 8 KiB requests.
  @RegisterExtension
  static final EtcdExtension etcd =
      EtcdExtension.builder().maxTxnOps(16).maxRequestBytes(8 * 1024).build();

  static EtcdClient client;
  static StockRepository stock;
  static OrderRepository orders;
  static HostRepository hosts;

  @BeforeAll
  static void connect() {
    client =
        EtcdClient.builder()
            .endpoints(etcd.endpoint())
            .maxTxnOps(16)
            .maxRequestBytes(8 * 1024)
            .build();
    stock = Repositories.create(StockRepository.class, client);
    orders = Repositories.create(OrderRepository.class, client);
    hosts = Repositories.create(HostRepository.class, client);
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void clean() {
    Blocking.get(client.kv().delete("/it", DeleteOptions.DEFAULT.withPrefix()));
  }

  static long revision() {
    return Blocking.get(client.kv().get("/nothing")).header().revision();
  }

  static List<Stock> stocks(int n, String prefix) {
    List<Stock> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Stock.of(String.format("%s%03d", prefix, i), i, "w" + (i % 3), prefix + i));
    }
    return out;
  }

  @Test
  void anAtomicBatchIsOneTransaction() {
    // per Stock: 1 entity put + 2 index puts; 2 guards (insert, unique key): 5 fit in 16 ops
    BatchResult<Stock> r = stock.saveAll(stocks(5, "s"), BatchOptions.atomic());

    assertThat(r.allApplied()).isTrue();
    assertThat(r.chunks()).hasSize(1);
    List<Stock> saved = r.orThrow();
    assertThat(saved).hasSize(5).allMatch(s -> s.version() == r.chunks().get(0).revision());
    assertThat(stock.findAll()).isEqualTo(saved);
    assertThat(stock.findByWarehouse("w1")).extracting(Stock::sku).containsExactly("s001", "s004");
    assertThat(stock.verifyIndexes().consistent()).isTrue();

    BatchResult<Boolean> d =
        stock.deleteAllById(List.of("s000", "s001", "zzz"), BatchOptions.atomic());
    assertThat(d.orThrow()).containsExactly(true, true, false);
    assertThat(stock.count()).isEqualTo(3);
    assertThat(stock.verifyIndexes().consistent()).isTrue();
  }

  @Test
  void anAtomicBatchOverTheLimitsIsRefusedBeforeAnythingIsWritten() {
    long before = revision();
    assertThatThrownBy(() -> stock.saveAll(stocks(6, "s"), BatchOptions.atomic()))
        .isInstanceOf(TooManyTxnOpsException.class)
        .hasMessageContaining("needs 18 operations")
        .hasMessageContaining("maxTxnOps of 16")
        .hasMessageContaining("BatchOptions.chunked()");

    List<Order> big = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      big.add(Order.of("eu", "o" + i, i).withNote("x".repeat(2000)));
    }
    assertThatThrownBy(() -> orders.saveAll(big, BatchOptions.atomic()))
        .isInstanceOf(RequestTooLargeException.class)
        .hasMessageContaining("maxRequestBytes of 8192");
    assertThat(revision()).isEqualTo(before);
  }

  @Test
  void aChunkedBatchFitsEveryChunkUnderTheLimits() {
    List<Stock> batch = stocks(40, "s");
    BatchResult<Stock> r = stock.saveAll(batch, BatchOptions.chunked());

    assertThat(r.allApplied()).isTrue();
    assertThat(r.items()).isEqualTo(40);
    assertThat(r.chunks()).hasSize(8); // 5 Stock writes (15 ops) per transaction of 16
    int next = 0;
    Set<Long> revisions = new HashSet<>();
    for (BatchResult.Chunk<Stock> c : r.chunks()) {
      assertThat(c.from()).isEqualTo(next);
      next = c.to();
      assertThat(c.results()).allMatch(s -> s.version() == c.revision());
      revisions.add(c.revision());
    }
    assertThat(revisions).hasSize(8);
    assertThat(stock.count()).isEqualTo(40);
    assertThat(stock.verifyIndexes().consistent()).isTrue();

    // by bytes: 2 KB notes, 8 KiB requests
    List<Order> big = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      big.add(Order.of("eu", "o" + i, i).withNote("x".repeat(2000)));
    }
    BatchResult<Order> o = orders.saveAll(big, BatchOptions.chunked().withMaxChunkItems(10));
    assertThat(o.allApplied()).isTrue();
    assertThat(o.chunks()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(orders.count()).isEqualTo(10);

    BatchResult<Boolean> deleted =
        stock.deleteAll(stock.findAll(), BatchOptions.chunked().withMaxChunkItems(4));
    assertThat(deleted.chunks()).hasSize(10);
    assertThat(deleted.results()).hasSize(40).containsOnly(true);
    assertThat(Blocking.get(client.kv().get("/it/stock", GetOptions.DEFAULT.withPrefix())).kvs())
        .isEmpty();
  }

  @Test
  void aConflictFailsItsChunkOnlyAndTheResultSaysWhich() {
    Stock existing = stock.save(Stock.of("s003", 0, "w0", null));
    List<Stock> batch = stocks(10, "s");
    batch.set(3, Stock.of("s003", 3, "w0", "fresh")); // an insert of an existing entity
    batch.set(7, Stock.of("s007", 7, "w1", "s1")); // takes item 1's barcode

    BatchResult<Stock> r = stock.saveAll(batch, BatchOptions.chunked().withMaxChunkItems(4));

    // item 3 is refused by its own read: a chunk of its own; item 7 fails its whole chunk
    assertThat(r.chunks())
        .extracting(BatchResult.Chunk::from, BatchResult.Chunk::to, BatchResult.Chunk::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 3, BatchResult.Status.APPLIED),
            org.assertj.core.groups.Tuple.tuple(3, 4, BatchResult.Status.FAILED),
            org.assertj.core.groups.Tuple.tuple(4, 8, BatchResult.Status.FAILED),
            org.assertj.core.groups.Tuple.tuple(8, 10, BatchResult.Status.APPLIED));
    assertThat(r.failed().get(0).failure()).isInstanceOf(EntityExistsException.class);
    assertThat(r.failed().get(1).failure())
        .isInstanceOfSatisfying(
            UniqueConstraintException.class,
            e -> assertThat(e.holderKey()).isEqualTo("/it/stock/s001"));
    assertThat(r.results())
        .extracting(Stock::sku)
        .containsExactly("s000", "s001", "s002", "s008", "s009");
    assertThat(stock.count()).isEqualTo(6);
    assertThat(stock.findById("s003")).contains(existing);
    assertThatThrownBy(r::orThrow).isInstanceOf(EntityExistsException.class);

    // atomic: the same conflict fails everything
    stock.deleteAll();
    stock.save(Stock.of("s003", 0, "w0", null));
    BatchResult<Stock> atomic = stock.saveAll(stocks(4, "s"), BatchOptions.atomic());
    assertThat(atomic.chunks())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo(BatchResult.Status.FAILED);
              assertThat(c.failure()).isInstanceOf(EntityExistsException.class);
            });
    assertThat(stock.count()).isEqualTo(1);
  }

  @Test
  void anAtomicBatchMaySwapUniqueValuesAChunkedOneMayNot() {
    Stock a = stock.save(Stock.of("a", 1, "w", "x"));
    Stock b = stock.save(Stock.of("b", 1, "w", "y"));

    BatchResult<Stock> chunked =
        stock.saveAll(List.of(a.withBarcode("y"), b.withBarcode("x")), BatchOptions.chunked());
    assertThat(chunked.failed()).hasSize(2);
    assertThat(chunked.failed()).allMatch(c -> c.failure() instanceof UniqueConstraintException);

    List<Stock> swapped =
        stock
            .saveAll(List.of(a.withBarcode("y"), b.withBarcode("x")), BatchOptions.atomic())
            .orThrow();
    assertThat(stock.findByBarcode("y")).contains(swapped.get(0));
    assertThat(stock.findByBarcode("x")).contains(swapped.get(1));
    assertThat(stock.verifyIndexes().consistent()).isTrue();

    assertThatThrownBy(
            () ->
                stock
                    .saveAll(
                        List.of(Stock.of("c", 1, "w", "z"), Stock.of("d", 1, "w", "z")),
                        BatchOptions.atomic())
                    .orThrow())
        .isInstanceOfSatisfying(
            UniqueConstraintException.class,
            e -> assertThat(e.holderKey()).isEqualTo("/it/stock/c"));
  }

  @Test
  void batchesCheckTheirItems() {
    assertThatThrownBy(
            () ->
                stock.saveAll(
                    List.of(Stock.of("a", 1, "w", null), Stock.of("a", 2, "w", null)),
                    BatchOptions.chunked()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Stock at '/it/stock/a' appears twice");
    List<Stock> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> stock.saveAll(withNull, BatchOptions.atomic()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("entities[0] is null");
    assertThat(stock.saveAll(List.of(), BatchOptions.atomic()).chunks()).isEmpty();

    // one item larger than any transaction: refused before anything is sent
    long before = revision();
    List<Order> batch =
        List.of(Order.of("eu", "small", 1), Order.of("eu", "huge", 1).withNote("x".repeat(9000)));
    assertThatThrownBy(() -> orders.saveAll(batch, BatchOptions.chunked()))
        .isInstanceOf(RequestTooLargeException.class)
        .hasMessageContaining("Order at '/it/orders/eu/huge' alone");
    assertThat(revision()).isEqualTo(before);
  }

  @Test
  void deletesInBatchesCompareVersionsAndCleanIndexes() {
    List<Stock> saved = stock.saveAll(stocks(4, "s"), BatchOptions.atomic()).orThrow();
    stock.save(saved.get(2).minus(1)); // saved.get(2) is now stale

    BatchResult<Boolean> r = stock.deleteAll(saved, BatchOptions.chunked().withMaxChunkItems(2));
    assertThat(r.chunks())
        .extracting(BatchResult.Chunk::status)
        .containsExactly(
            BatchResult.Status.APPLIED, BatchResult.Status.FAILED, BatchResult.Status.APPLIED);
    assertThat(r.failed().get(0).failure()).isInstanceOf(OptimisticLockException.class);
    assertThat(stock.findAll()).extracting(Stock::sku).containsExactly("s002");
    assertThat(stock.verifyIndexes().consistent()).isTrue();

    assertThat(stock.deleteAllById(List.of("s002", "nope"))).isEqualTo(1);
    assertThat(stock.deleteAll(List.of(Stock.of("gone", 1, "w", null)))).isZero();

    hosts
        .saveAll(
            List.of(Host.of("fra", "a", "10.0.0.1", "r1"), Host.of("fra", "b", "10.0.0.2", "r1")),
            BatchOptions.atomic())
        .orThrow();
    assertThat(hosts.findByRack("r1")).hasSize(2);
    assertThat(
            hosts.deleteAllById(List.of(new Host.Id("fra", "a")), BatchOptions.atomic()).orThrow())
        .containsExactly(true);
    assertThat(hosts.findByRack("r1")).extracting(Host::name).containsExactly("b");
    assertThat(hosts.verifyIndexes().consistent()).isTrue();
  }
}
