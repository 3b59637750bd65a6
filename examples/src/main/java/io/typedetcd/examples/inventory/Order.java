package io.typedetcd.examples.inventory;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.repository.CrudRepository;

/**
 * A placed order: stored only in the same transaction that took its units from the stock.
 *
 * <pre>{@code
 * new Order("o-17", "MUG-1", 2)
 * }</pre>
 */
@EtcdEntity(prefix = "/inventory/orders")
public record Order(@Key String id, String sku, int quantity) {

  /** Every placed order. */
  @EtcdRepository
  public interface Repository extends CrudRepository<Order, String> {}
}
