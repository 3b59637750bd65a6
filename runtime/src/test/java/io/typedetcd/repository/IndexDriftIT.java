package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.CompactedException;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.repository.fixtures.DeviceRepository;
import io.typedetcd.repository.fixtures.HostRepository;
import io.typedetcd.repository.fixtures.Stock;
import io.typedetcd.repository.fixtures.StockRepository;
import io.typedetcd.testing.EtcdExtension;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Indexes that drift from their entities (writers bypassing the repository, undecodable values,
 * concurrent writers), how reads stay correct anyway and how drift is found and repaired; index
 * streams; namespaces.
 */
class IndexDriftIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static EtcdClient client;
  static StockRepository stock;
  static DeviceRepository devices;
  static HostRepository hosts;
  static EtcdClient pagedClient;
  static StockRepository paged; // index pages (and transactions) of at most 16 operations

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    stock = Repositories.create(StockRepository.class, client);
    devices = Repositories.create(DeviceRepository.class, client);
    hosts = Repositories.create(HostRepository.class, client);
    pagedClient = EtcdClient.builder().endpoints(etcd.endpoint()).maxTxnOps(16).build();
    paged = Repositories.create(StockRepository.class, pagedClient);
  }

  @AfterAll
  static void close() {
    pagedClient.close();
    client.close();
  }

  @BeforeEach
  void clean() {
    Blocking.get(client.kv().delete("/it", DeleteOptions.DEFAULT.withPrefix()));
  }

  /** Every key under {@code prefix} with its value (as text) in key order. */
  static Map<String, String> raw(String prefix) {
    Map<String, String> out = new LinkedHashMap<>();
    for (KeyValue kv :
        Blocking.get(client.kv().get(prefix, GetOptions.DEFAULT.withPrefix())).kvs()) {
      out.put(kv.key(), kv.value());
    }
    return out;
  }

  static long modRevision(String key) {
    return Blocking.get(client.kv().get(key)).kvs().get(0).modRevision();
  }

  static List<Stock> stocks(int n, String prefix) {
    List<Stock> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Stock.of(String.format("%s%03d", prefix, i), i, "w" + (i % 3), prefix + i));
    }
    return out;
  }

  static long revision() {
    return Blocking.get(client.kv().get("/nothing")).header().revision();
  }

  @Test
  void anEntityChangedBehindTheRepositoryIsNeverReturnedThroughAStaleEntry() {
    stock.save(Stock.of("s1", 5, "berlin", "111"));
    stock.save(Stock.of("s2", 5, "berlin", null));
    // another tool rewrites s1 without touching the index keys
    etcd.etcdctl(
        "put", "/it/stock/s1", "{\"available\":5,\"warehouse\":\"paris\",\"barcode\":\"333\"}");

    assertThat(raw("/it/stock%idx/warehouse/berlin/")).hasSize(2); // the entry is stale
    assertThat(stock.findByWarehouse("berlin")).extracting(Stock::sku).containsExactly("s2");
    assertThat(stock.countByWarehouse("berlin")).isEqualTo(1);
    assertThat(stock.findByWarehouse("paris")).isEmpty(); // its entry is missing
    assertThat(stock.findByBarcode("111")).isEmpty();
    try (Stream<Stock> s = stock.streamByWarehouse("berlin")) {
      assertThat(s.map(Stock::sku)).containsExactly("s2");
    }

    // a stale unique key does not block a new holder: it is taken over
    etcd.etcdctl("put", "/it/stock%uniq/barcode/444", "/it/stock/ghost");
    Stock s3 = stock.save(Stock.of("s3", 1, "rome", "444"));
    assertThat(raw("/it/stock%uniq/barcode/444")).containsValue("/it/stock/s3");
    assertThat(stock.findByBarcode("444")).contains(s3);
  }

  @Test
  void verifyReportsDriftAndRebuildRepairsIt() {
    stock.save(Stock.of("a", 1, "berlin", "111"));
    stock.save(Stock.of("b", 1, "berlin", "222"));
    assertThat(stock.verifyIndexes().consistent()).isTrue();

    etcd.etcdctl(
        "put", "/it/stock/c", "{\"available\":1,\"warehouse\":\"rome\",\"barcode\":\"333\"}");
    etcd.etcdctl(
        "put", "/it/stock/a", "{\"available\":1,\"warehouse\":\"paris\",\"barcode\":\"111\"}");
    etcd.etcdctl("put", "/it/stock%idx/warehouse/oslo/ghost", "");
    etcd.etcdctl("put", "/it/stock%uniq/barcode/222", "/it/stock/a");
    etcd.etcdctl("put", "/it/stock%uniq/barcode/999", "/it/stock/ghost");

    IndexReport r = stock.verifyIndexes();
    assertThat(r.entities()).isEqualTo(3);
    assertThat(r.missingKeys())
        .containsExactlyInAnyOrder(
            "/it/stock%idx/warehouse/paris/a",
            "/it/stock%idx/warehouse/rome/c", "/it/stock%uniq/barcode/333");
    assertThat(r.staleKeys())
        .containsExactlyInAnyOrder(
            "/it/stock%idx/warehouse/berlin/a",
            "/it/stock%idx/warehouse/oslo/ghost",
            "/it/stock%uniq/barcode/222",
            "/it/stock%uniq/barcode/999");
    assertThat(r.consistent()).isFalse();
    assertThat(raw("/it/stock%idx/warehouse/oslo/")).hasSize(1); // verify changes nothing

    IndexReport repaired = stock.rebuildIndexes();
    assertThat(repaired.missingKeys()).containsExactlyInAnyOrderElementsOf(r.missingKeys());
    assertThat(repaired.staleKeys()).containsExactlyInAnyOrderElementsOf(r.staleKeys());
    assertThat(stock.verifyIndexes().consistent()).isTrue();
    assertThat(raw("/it/stock%uniq/barcode/222")).containsValue("/it/stock/b");
    assertThat(stock.findByWarehouse("rome")).extracting(Stock::sku).containsExactly("c");

    // what rebuild cannot repair: two entities with one unique value, and undecodable entities
    etcd.etcdctl(
        "put", "/it/stock/d", "{\"available\":1,\"warehouse\":\"rome\",\"barcode\":\"333\"}");
    etcd.etcdctl("put", "/it/stock/e", "not json");
    IndexReport left = stock.rebuildIndexes();
    assertThat(left.duplicates()).containsExactly("barcode '333': /it/stock/c, /it/stock/d");
    assertThat(left.undecodable()).containsExactly("/it/stock/e");
    assertThat(stock.verifyIndexes().missingKeys()).isEmpty();
  }

  @Test
  void concurrentWritersKeepTheIndexesExact() throws Exception {
    stock.save(Stock.of("s1", 0, "w0", "b0"));
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int id = t;
      threads.add(
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < 15; i++) {
                    String w = "w" + ((id + i) % 3);
                    String b = "b" + id + "-" + i;
                    stock.update("s1", s -> s.minus(-1).withWarehouse(w).withBarcode(b));
                  }
                } catch (Throwable e) {
                  synchronized (failures) {
                    failures.add(e);
                  }
                }
              }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    assertThat(failures).isEmpty();
    Stock s = stock.findById("s1").orElseThrow();
    assertThat(s.available()).isEqualTo(60);
    assertThat(stock.verifyIndexes().consistent()).isTrue();
    assertThat(raw("/it/stock%")).hasSize(2);
    assertThat(stock.findByWarehouse(s.warehouse())).containsExactly(s);
  }

  @Test
  void anUndecodableEntityFoundThroughAnIndexIsReportedNotSkipped() {
    stock.save(Stock.of("s1", 1, "berlin", "111"));
    etcd.etcdctl("put", "/it/stock/s1", "{\"available\":\"many\"}");

    assertThatThrownBy(() -> stock.findByWarehouse("berlin"))
        .isInstanceOfSatisfying(
            MappingException.class,
            e -> {
              assertThat(e.key()).isEqualTo("/it/stock/s1");
              assertThat(e.property()).isEqualTo("available");
            });
    assertThatThrownBy(() -> stock.findByBarcode("111")).isInstanceOf(MappingException.class);
    assertThatThrownBy(() -> stock.update("s1", s -> s.minus(1)))
        .isInstanceOf(MappingException.class);
    // a save or delete overwrites it; its old index keys are unknown and left to rebuildIndexes()
    stock.save(Stock.of("s1", 1, "paris", null).withVersion(modRevision("/it/stock/s1")));
    assertThat(stock.findByWarehouse("berlin")).isEmpty();
    assertThat(stock.verifyIndexes().staleKeys())
        .containsExactlyInAnyOrder(
            "/it/stock%idx/warehouse/berlin/s1", "/it/stock%uniq/barcode/111");
  }

  @Test
  void aNamespacedClientKeepsIndexKeysInItsNamespace() {
    try (EtcdClient tenant =
        EtcdClient.builder().endpoints(etcd.endpoint()).namespace("/tenant1").build()) {
      StockRepository scoped = Repositories.create(StockRepository.class, tenant);
      Stock s = scoped.save(Stock.of("s1", 1, "berlin", "111"));
      assertThat(raw("/tenant1/it/stock"))
          .containsOnlyKeys(
              "/tenant1/it/stock/s1",
              "/tenant1/it/stock%idx/warehouse/berlin/s1",
              "/tenant1/it/stock%uniq/barcode/111");
      assertThat(raw("/tenant1/it/stock%uniq/")).containsValue("/it/stock/s1");
      assertThat(scoped.findByBarcode("111")).contains(s);
      assertThat(scoped.findByWarehouse("berlin")).containsExactly(s);
      assertThat(stock.findByWarehouse("berlin")).isEmpty();
      assertThat(scoped.verifyIndexes().consistent()).isTrue();
    } finally {
      Blocking.get(client.kv().delete("/tenant1/", DeleteOptions.DEFAULT.withPrefix()));
    }
  }

  @Test
  void anIndexStreamReadsPagesAtOneRevisionAndReportsItsCompaction() {
    paged.saveAll(stocks(40, "s"), BatchOptions.chunked()).orThrow(); // 14 in w0, 13 in w1 and w2
    paged.saveAll(stocks(20, "t"), BatchOptions.chunked()).orThrow(); // 7 more in w0
    // pages of 16 entries (maxTxnOps): w0's 21 entries take two pages
    try (Stream<Stock> s = paged.streamByWarehouse("w0")) {
      Iterator<Stock> it = s.iterator();
      assertThat(it.next().sku()).isEqualTo("s000");
      stock.save(Stock.of("s999", 1, "w0", null)); // after the snapshot: not seen
      List<String> rest = new ArrayList<>();
      it.forEachRemaining(x -> rest.add(x.sku()));
      assertThat(rest).hasSize(20).doesNotContain("s999");
    }
    try (Stream<Stock> s = paged.streamByWarehouse("w0")) {
      Iterator<Stock> it = s.iterator();
      it.next();
      stock.save(Stock.of("u1", 1, "w9", null));
      long now = revision();
      Blocking.get(client.kv().compact(now, true));
      assertThatThrownBy(() -> it.forEachRemaining(x -> {}))
          .isInstanceOf(CompactedException.class)
          .hasMessageContaining("start a new one");
    }
    assertThat(stock.countByWarehouse("w0")).isEqualTo(22);
  }
}
