package io.typedetcd.examples.inventory;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Indexed;
import io.typedetcd.annotation.Key;
import io.typedetcd.repository.CrudRepository;
import java.util.Optional;

/**
 * A catalog entry. Its SKU is unique across the catalog: a second product with a SKU already in use
 * is refused by etcd, in the same transaction as the write.
 *
 * <pre>{@code
 * new Product("p-1", "Mug", "MUG-1")
 * }</pre>
 */
@EtcdEntity(prefix = "/inventory/products")
public record Product(@Key String id, String name, @Indexed(unique = true) String sku) {

  /** The catalog. */
  @EtcdRepository
  public interface Repository extends CrudRepository<Product, String> {
    /** The product with this SKU: one read of the unique index, one of the product. */
    Optional<Product> findBySku(String sku);
  }
}
