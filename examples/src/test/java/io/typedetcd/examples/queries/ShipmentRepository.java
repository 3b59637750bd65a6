package io.typedetcd.examples.queries;

import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.repository.CrudRepository;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** Every derived query shape on a leading run of {@link Shipment}'s keys. */
@EtcdRepository
public interface ShipmentRepository extends CrudRepository<Shipment, Shipment_Id> {
  List<Shipment> findByRegion(String region);

  List<Shipment> findAllByRegion(String region);

  List<Shipment> findAllByRegionAndWarehouse(String region, String warehouse);

  Optional<Shipment> findByRegionAndWarehouseAndNumber(String region, String warehouse, int n);

  Optional<Shipment> findFirstByRegion(String region);

  Shipment findFirstByRegionOrderByWarehouseDesc(String region);

  List<Shipment> findTop2ByRegion(String region);

  List<Shipment> findTop2ByRegionAndWarehouseOrderByNumberDesc(String region, String warehouse);

  /** At most one is expected; several are an error naming the prefix. */
  Optional<Shipment> findByRegionAndWarehouse(String region, String warehouse);

  List<Shipment> findAllOrderByRegionDesc();

  Stream<Shipment> streamByRegion(String region);

  Stream<Shipment> streamTop2ByRegionOrderByWarehouseDesc(String region);

  long countByRegion(String region);

  Long countAll();

  long countByRegionAndWarehouseAndNumber(String region, String warehouse, int number);

  boolean existsByRegion(String region);

  boolean existsByRegionAndWarehouseAndNumber(String region, String warehouse, int number);

  long deleteByRegionAndWarehouse(String region, String warehouse);

  void deleteByRegion(String region);

  boolean deleteByRegionAndWarehouseAndNumber(String region, String warehouse, int number);

  CompletableFuture<List<Shipment>> findAllByRegionAsync(String region);

  CompletableFuture<Optional<Shipment>> findFirstByRegionAndWarehouseAsync(
      String region, String warehouse);

  CompletableFuture<Shipment> findByRegionAndWarehouseAndNumberAsync(
      String region, String warehouse, int number);

  CompletableFuture<Long> countByRegionAsync(String region);

  CompletableFuture<Boolean> existsByRegionAndWarehouse(String region, String warehouse);

  CompletableFuture<Long> deleteByRegionAndWarehouseAsync(String region, String warehouse);

  CompletableFuture<Void> deleteByRegionAndWarehouseAndNumberAsync(
      String region, String warehouse, int number);
}
