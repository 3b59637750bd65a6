package io.typedetcd.examples.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.EtcdException;
import io.typedetcd.repository.Repositories;
import io.typedetcd.testing.EtcdExtension;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Derived queries on leading key components, every verb and return shape, against etcd. */
class DerivedQueriesIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static EtcdClient client;
  static ShipmentRepository shipments;
  static Stock.Repository stock;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    shipments = Repositories.create(ShipmentRepository.class, client);
    stock = Repositories.create(Stock.Repository.class, client);
  }

  @AfterAll
  static void close() {
    client.close();
  }

  /** eu has two warehouses; eu2 (a sibling whose name extends eu) and us one each. */
  @BeforeEach
  void fill() {
    shipments.deleteAll();
    stock.deleteAll();
    shipments.saveAll(
        List.of(
            Shipment.of("eu", "ams", 1),
            Shipment.of("eu", "ams", 2),
            Shipment.of("eu", "ams", 10),
            Shipment.of("eu", "fra", 1),
            Shipment.of("eu", "fra", 2),
            Shipment.of("eu2", "ams", 1),
            Shipment.of("us", "nyc", 1)));
  }

  static List<String> paths(List<Shipment> found) {
    return found.stream().map(Shipment::path).toList();
  }

  @Test
  void findByLeadingComponentsReadsOnePrefixInKeyOrder() {
    assertThat(paths(shipments.findByRegion("eu")))
        .containsExactly("eu/ams/1", "eu/ams/2", "eu/ams/10", "eu/fra/1", "eu/fra/2");
    assertThat(shipments.findAllByRegion("eu")).hasSize(5);
    assertThat(paths(shipments.findAllByRegionAndWarehouse("eu", "ams")))
        .containsExactly("eu/ams/1", "eu/ams/2", "eu/ams/10");
    assertThat(shipments.findByRegion("e")).isEmpty();
    assertThat(shipments.findByRegion("nowhere")).isEmpty();
    assertThat(paths(shipments.findAllOrderByRegionDesc()))
        .containsExactly(
            "us/nyc/1", "eu2/ams/1", "eu/fra/2", "eu/fra/1", "eu/ams/10", "eu/ams/2", "eu/ams/1");
  }

  @Test
  void fullKeyQueriesGoById() {
    assertThat(shipments.findByRegionAndWarehouseAndNumber("eu", "ams", 10))
        .map(Shipment::item)
        .contains("eu-ams-10");
    assertThat(shipments.findByRegionAndWarehouseAndNumber("eu", "ams", 3)).isEmpty();
    assertThat(shipments.countByRegionAndWarehouseAndNumber("eu", "fra", 2)).isEqualTo(1);
    assertThat(shipments.countByRegionAndWarehouseAndNumber("eu", "fra", 3)).isZero();
    assertThat(shipments.existsByRegionAndWarehouseAndNumber("us", "nyc", 1)).isTrue();
    assertThat(shipments.existsByRegionAndWarehouseAndNumber("us", "nyc", 2)).isFalse();
    assertThat(shipments.deleteByRegionAndWarehouseAndNumber("us", "nyc", 1)).isTrue();
    assertThat(shipments.deleteByRegionAndWarehouseAndNumber("us", "nyc", 1)).isFalse();
  }

  @Test
  void firstAndTopNLimitAndOrderByDescReverses() {
    assertThat(shipments.findFirstByRegion("eu")).map(Shipment::path).contains("eu/ams/1");
    assertThat(shipments.findFirstByRegion("asia")).isEmpty();
    assertThat(shipments.findFirstByRegionOrderByWarehouseDesc("eu").path()).isEqualTo("eu/fra/2");
    assertThat(shipments.findFirstByRegionOrderByWarehouseDesc("asia")).isNull();
    assertThat(paths(shipments.findTop2ByRegion("eu"))).containsExactly("eu/ams/1", "eu/ams/2");
    assertThat(paths(shipments.findTop2ByRegionAndWarehouseOrderByNumberDesc("eu", "ams")))
        .containsExactly("eu/ams/10", "eu/ams/2");
    assertThat(paths(shipments.findTop2ByRegionAndWarehouseOrderByNumberDesc("us", "nyc")))
        .containsExactly("us/nyc/1");
  }

  @Test
  void anOptionalOfSeveralMatchesIsAnErrorNamingThePrefix() {
    assertThat(shipments.findByRegionAndWarehouse("eu2", "ams"))
        .map(Shipment::path)
        .contains("eu2/ams/1");
    assertThat(shipments.findByRegionAndWarehouse("eu2", "fra")).isEmpty();
    assertThatThrownBy(() -> shipments.findByRegionAndWarehouse("eu", "ams"))
        .isInstanceOf(EtcdException.class)
        .hasMessageContaining(
            "expected at most one Shipment under '/ex/queries/shipments/eu/ams/'");
  }

  @Test
  void streamsCountsExistsAndDeletes() {
    try (Stream<Shipment> s = shipments.streamByRegion("eu")) {
      assertThat(s.map(Shipment::path).toList())
          .containsExactly("eu/ams/1", "eu/ams/2", "eu/ams/10", "eu/fra/1", "eu/fra/2");
    }
    try (Stream<Shipment> s = shipments.streamTop2ByRegionOrderByWarehouseDesc("eu")) {
      assertThat(s.map(Shipment::path).toList()).containsExactly("eu/fra/2", "eu/fra/1");
    }
    assertThat(shipments.countByRegion("eu")).isEqualTo(5);
    assertThat(shipments.countByRegion("eu2")).isEqualTo(1);
    assertThat(shipments.countAll()).isEqualTo(7L);
    assertThat(shipments.existsByRegion("us")).isTrue();
    assertThat(shipments.existsByRegion("u")).isFalse();

    assertThat(shipments.deleteByRegionAndWarehouse("eu", "fra")).isEqualTo(2);
    assertThat(shipments.countByRegion("eu")).isEqualTo(3);
    shipments.deleteByRegion("eu");
    assertThat(shipments.existsByRegion("eu")).isFalse();
    assertThat(paths(shipments.findAll())).containsExactly("eu2/ams/1", "us/nyc/1");
  }

  @Test
  void futureReturningQueries() {
    assertThat(paths(shipments.findAllByRegionAsync("eu").join())).hasSize(5);
    assertThat(shipments.findFirstByRegionAndWarehouseAsync("eu", "fra").join())
        .map(Shipment::path)
        .contains("eu/fra/1");
    assertThat(shipments.findFirstByRegionAndWarehouseAsync("eu", "zrh").join()).isEmpty();
    assertThat(shipments.findByRegionAndWarehouseAndNumberAsync("eu", "ams", 2).join().path())
        .isEqualTo("eu/ams/2");
    assertThat(shipments.findByRegionAndWarehouseAndNumberAsync("eu", "ams", 3).join()).isNull();
    assertThat(shipments.countByRegionAsync("eu").join()).isEqualTo(5);
    assertThat(shipments.existsByRegionAndWarehouse("eu", "fra").join()).isTrue();
    assertThat(shipments.existsByRegionAndWarehouse("eu", "fr").join()).isFalse();
    assertThat(shipments.deleteByRegionAndWarehouseAndNumberAsync("eu", "ams", 1).join()).isNull();
    assertThat(shipments.deleteByRegionAndWarehouseAsync("eu", "ams").join()).isEqualTo(2);
    assertThat(shipments.countByRegion("eu")).isEqualTo(2);
  }

  @Test
  void fieldsEntitiesAreCountedAndLimitedAsEntitiesNotKeys() {
    stock.saveAll(
        List.of(
            new Stock("ams", "apple", 3, "fresh"),
            new Stock("ams", "banana", 0, null),
            new Stock("ams", "cherry", 12, "frozen"),
            new Stock("ams2", "apple", 1, null),
            new Stock("fra", "apple", 7, null)));

    assertThat(stock.findByWarehouse("ams"))
        .extracting(Stock::sku)
        .containsExactly("apple", "banana", "cherry");
    assertThat(stock.findByWarehouse("ams").get(0).note()).isEqualTo("fresh");
    assertThat(stock.findByWarehouse("ams").get(1).note()).isNull();
    assertThat(stock.findTop2ByWarehouse("ams"))
        .extracting(Stock::sku)
        .containsExactly("apple", "banana");
    assertThat(stock.findFirstByWarehouseOrderBySkuDesc("ams"))
        .contains(new Stock("ams", "cherry", 12, "frozen"));
    try (Stream<Stock> s = stock.streamByWarehouse("ams")) {
      assertThat(s.map(Stock::count).toList()).containsExactly(3, 0, 12);
    }
    assertThat(stock.countByWarehouse("ams")).isEqualTo(3);
    assertThat(stock.count()).isEqualTo(5);
    assertThat(stock.existsByWarehouse("ams2")).isTrue();
    assertThat(stock.existsByWarehouse("am")).isFalse();
    assertThat(stock.findByWarehouseAsync("fra").join())
        .extracting(Stock::count)
        .containsExactly(7);
    assertThat(stock.deleteByWarehouse("ams")).isEqualTo(3);
    assertThat(stock.findAll()).extracting(Stock::warehouse).containsExactly("ams2", "fra");
  }
}
