package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.repository.fixtures.Device;
import io.typedetcd.repository.fixtures.DeviceRepository;
import io.typedetcd.repository.fixtures.Host;
import io.typedetcd.repository.fixtures.HostRepository;
import io.typedetcd.repository.fixtures.Stock;
import io.typedetcd.repository.fixtures.StockRepository;
import io.typedetcd.testing.EtcdExtension;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Secondary indexes against real etcd: the keys written, lookups, uniqueness, stale entries. */
class IndexIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static EtcdClient client;
  static StockRepository stock;
  static DeviceRepository devices;
  static HostRepository hosts;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    stock = Repositories.create(StockRepository.class, client);
    devices = Repositories.create(DeviceRepository.class, client);
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

  @Test
  void indexKeysAreWrittenBesideTheEntityRangeInTheSameTransaction() {
    Stock s = stock.save(Stock.of("s1", 5, "berlin", "4006381333931"));

    assertThat(raw("/it/stock"))
        .containsExactly(
            Map.entry("/it/stock%idx/warehouse/berlin/s1", ""),
            Map.entry("/it/stock%uniq/barcode/4006381333931", "/it/stock/s1"),
            Map.entry(
                "/it/stock/s1",
                "{\"available\":5,\"warehouse\":\"berlin\",\"barcode\":\"4006381333931\"}"));
    assertThat(modRevision("/it/stock%idx/warehouse/berlin/s1")).isEqualTo(s.version());
    assertThat(modRevision("/it/stock%uniq/barcode/4006381333931")).isEqualTo(s.version());
    // entity reads (prefix /it/stock/) never see index keys
    assertThat(stock.findAll()).containsExactly(s);
    assertThat(stock.count()).isEqualTo(1);
  }

  @Test
  void findByIndexReturnsMatchingEntitiesInKeyOrder() {
    stock.save(Stock.of("b", 1, "berlin", null));
    stock.save(Stock.of("a", 2, "berlin", null));
    stock.save(Stock.of("c", 3, "paris", null));
    stock.save(Stock.of("d", 4, "berlin/north", null)); // escaped: never a prefix of "berlin"

    assertThat(stock.findByWarehouse("berlin")).extracting(Stock::sku).containsExactly("a", "b");
    assertThat(stock.findTop2ByWarehouse("berlin"))
        .extracting(Stock::sku)
        .containsExactly("a", "b");
    assertThat(stock.findByWarehouse("berlin/north")).extracting(Stock::sku).containsExactly("d");
    assertThat(stock.countByWarehouse("berlin")).isEqualTo(2);
    assertThat(stock.existsByWarehouse("paris")).isTrue();
    assertThat(stock.existsByWarehouse("rome")).isFalse();
    assertThat(stock.findByWarehouse("rome")).isEmpty();
    assertThat(stock.findByWarehouseAsync("paris").join())
        .extracting(Stock::sku)
        .containsExactly("c");
    try (Stream<Stock> s = stock.streamByWarehouse("berlin")) {
      assertThat(s.map(Stock::sku)).containsExactly("a", "b");
    }
    assertThat(raw("/it/stock%idx/warehouse/berlin%2Fnorth/"))
        .containsOnlyKeys("/it/stock%idx/warehouse/berlin%2Fnorth/d");
  }

  @Test
  void changingAnIndexedValueMovesItsKeysInOneTransaction() {
    Stock s = stock.save(Stock.of("s1", 5, "berlin", "111"));
    Stock moved = stock.save(s.withWarehouse("paris").withBarcode("222"));

    assertThat(raw("/it/stock%"))
        .containsExactly(
            Map.entry("/it/stock%idx/warehouse/paris/s1", ""),
            Map.entry("/it/stock%uniq/barcode/222", "/it/stock/s1"));
    assertThat(modRevision("/it/stock%idx/warehouse/paris/s1")).isEqualTo(moved.version());
    assertThat(stock.findByWarehouse("berlin")).isEmpty();
    assertThat(stock.findByWarehouse("paris")).containsExactly(moved);
    assertThat(stock.findByBarcode("111")).isEmpty();
    assertThat(stock.findByBarcode("222")).contains(moved);

    Stock cleared = stock.save(moved.withBarcode(null));
    assertThat(raw("/it/stock%uniq/")).isEmpty();
    assertThat(stock.findById("s1")).contains(cleared);
  }

  @Test
  void aDuplicateUniqueValueIsATypedErrorAndWritesNothing() {
    Stock a = stock.save(Stock.of("a", 1, "berlin", "111"));
    long before = Blocking.get(client.kv().get("/it/stock/a")).header().revision();

    assertThatThrownBy(() -> stock.save(Stock.of("b", 2, "paris", "111")))
        .isInstanceOfSatisfying(
            UniqueConstraintException.class,
            e -> {
              assertThat(e.entity()).isEqualTo("Stock");
              assertThat(e.property()).isEqualTo("barcode");
              assertThat(e.value()).isEqualTo("111");
              assertThat(e.holderKey()).isEqualTo("/it/stock/a");
              assertThat(e.key()).isEqualTo("/it/stock/b");
              assertThat(e).hasMessageContaining("barcode '111'");
            });
    assertThat(Blocking.get(client.kv().get("/it/stock/a")).header().revision()).isEqualTo(before);
    assertThat(stock.existsById("b")).isFalse();
    assertThat(stock.findByWarehouse("paris")).isEmpty();

    // once a gives the value up, b may take it
    stock.save(a.withBarcode("999"));
    Stock b = stock.save(Stock.of("b", 2, "paris", "111"));
    assertThat(stock.findByBarcode("111")).contains(b);
    assertThat(stock.existsByBarcode("999")).isTrue();
  }

  @Test
  void deletesRemoveIndexKeys() {
    Stock a = stock.save(Stock.of("a", 1, "berlin", "111"));
    stock.save(Stock.of("b", 1, "berlin", "222"));
    stock.save(Stock.of("c", 1, "paris", "333"));
    stock.save(Stock.of("d", 1, "rome", "444"));

    stock.delete(a);
    assertThat(stock.deleteById("b")).isTrue();
    assertThat(stock.deleteById("b")).isFalse();
    assertThat(raw("/it/stock%"))
        .containsOnlyKeys(
            "/it/stock%idx/warehouse/paris/c",
            "/it/stock%idx/warehouse/rome/d",
            "/it/stock%uniq/barcode/333",
            "/it/stock%uniq/barcode/444");

    assertThat(stock.deleteByWarehouse("paris")).isEqualTo(1);
    assertThat(raw("/it/stock"))
        .containsOnlyKeys(
            "/it/stock/d", "/it/stock%idx/warehouse/rome/d", "/it/stock%uniq/barcode/444");

    assertThat(stock.deleteAll()).isEqualTo(1);
    assertThat(raw("/it/stock")).isEmpty();
  }

  @Test
  void upsertsWithoutVersionKeepIndexesToo() {
    devices.save(new Device("d1", "ann", "SN-1"));
    devices.save(new Device("d1", "bob", "SN-2"));
    assertThat(raw("/it/devices%"))
        .containsOnlyKeys("/it/devices%idx/owner/bob/d1", "/it/devices%uniq/serial/SN-2");
    assertThat(devices.findByOwner("bob")).containsExactly(new Device("d1", "bob", "SN-2"));
    assertThatThrownBy(() -> devices.save(new Device("d2", "cid", "SN-2")))
        .isInstanceOf(UniqueConstraintException.class)
        .hasMessageContaining("'/it/devices/d1' already has it");
    assertThat(devices.findBySerial("SN-2")).contains(new Device("d1", "bob", "SN-2"));
    assertThat(devices.verifyIndexes().consistent()).isTrue();
  }

  @Test
  void fieldsEntitiesKeepIndexesAcrossTheirPropertyKeys() {
    Host h = hosts.save(Host.of("fra", "web1", "10.0.0.1", "r1"));
    hosts.save(Host.of("fra", "web2", "10.0.0.2", "r1"));
    hosts.save(Host.of("ams", "web3", "10.0.0.3", "r2"));

    assertThat(raw("/it/hosts%uniq/ip/10.0.0.1")).containsValue("/it/hosts/fra/web1");
    assertThat(raw("/it/hosts%idx/rack/r1/"))
        .containsOnlyKeys("/it/hosts%idx/rack/r1/fra/web1", "/it/hosts%idx/rack/r1/fra/web2");
    assertThat(hosts.findByRack("r1")).extracting(Host::name).containsExactly("web1", "web2");
    assertThat(hosts.countByRack("r2")).isEqualTo(1);

    Host moved = hosts.save(h.withRack("r2"));
    assertThat(hosts.findByRack("r2")).extracting(Host::name).containsExactly("web3", "web1");
    assertThat(hosts.findByIp("10.0.0.1")).contains(moved);
    assertThatThrownBy(() -> hosts.save(Host.of("ams", "web4", "10.0.0.2", "r2")))
        .isInstanceOf(UniqueConstraintException.class);

    // a narrower prefix delete removes its entities' index keys too
    assertThat(hosts.deleteByDc("fra")).isEqualTo(2);
    assertThat(raw("/it/hosts%"))
        .containsOnlyKeys("/it/hosts%idx/rack/r2/ams/web3", "/it/hosts%uniq/ip/10.0.0.3");
    assertThat(hosts.verifyIndexes().consistent()).isTrue();
  }

  @Test
  void indexQueriesCheckTheirArguments() {
    AbstractRepository<Stock, String> repo = (AbstractRepository<Stock, String>) stock;
    assertThatThrownBy(() -> repo.index("available"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Stock has no index on 'available'; indexed: [warehouse, barcode]");
    assertThatThrownBy(() -> repo.index("warehouse").find("a/b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("encoded key segment");
    assertThatThrownBy(() -> repo.index("warehouse").find("a", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit");
  }

  @Test
  void findOneOfANonUniqueIndexRefusesSeveral() {
    AbstractRepository<Stock, String> repo = (AbstractRepository<Stock, String>) stock;
    stock.save(Stock.of("a", 1, "berlin", null));
    assertThat(repo.index("warehouse").findOne("berlin")).isPresent();
    stock.save(Stock.of("b", 1, "berlin", null));
    assertThatThrownBy(() -> repo.index("warehouse").findOne("berlin"))
        .isInstanceOf(io.typedetcd.client.EtcdException.class)
        .hasMessage("expected at most one entity with warehouse 'berlin', found several");
  }
}
