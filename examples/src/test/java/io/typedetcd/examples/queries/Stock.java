package io.typedetcd.examples.queries;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.annotation.Layout;
import io.typedetcd.repository.CrudRepository;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** A FIELDS entity: limits and counts must count entities, not keys. */
@EtcdEntity(prefix = "/ex/queries/stock", layout = Layout.FIELDS)
public record Stock(@Key String warehouse, @Key String sku, int count, @Nullable String note) {

  @EtcdRepository
  public interface Repository extends CrudRepository<Stock, Stock_Id> {
    List<Stock> findByWarehouse(String warehouse);

    Optional<Stock> findFirstByWarehouseOrderBySkuDesc(String warehouse);

    List<Stock> findTop2ByWarehouse(String warehouse);

    Stream<Stock> streamByWarehouse(String warehouse);

    long countByWarehouse(String warehouse);

    boolean existsByWarehouse(String warehouse);

    long deleteByWarehouse(String warehouse);

    CompletableFuture<List<Stock>> findByWarehouseAsync(String warehouse);
  }
}
