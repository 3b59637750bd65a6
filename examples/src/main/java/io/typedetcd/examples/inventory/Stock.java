package io.typedetcd.examples.inventory;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.annotation.Version;
import io.typedetcd.repository.CrudRepository;

/**
 * How many units of a SKU are available; its {@code @Version} guards every change, so two orders
 * can never both take the last unit.
 *
 * <pre>{@code
 * stock.update("MUG-1", s -> s.take(2));
 * }</pre>
 */
@EtcdEntity(prefix = "/inventory/stock")
public record Stock(@Key String sku, int available, @Version long version) {

  /** This stock with {@code quantity} fewer units; {@link OutOfStockException} if too few. */
  public Stock take(int quantity) {
    if (quantity > available) {
      throw new OutOfStockException(sku, available, quantity);
    }
    return new Stock(sku, available - quantity, version);
  }

  /** This stock with {@code quantity} more units. */
  public Stock add(int quantity) {
    return new Stock(sku, available + quantity, version);
  }

  /** The stock of every SKU. */
  @EtcdRepository
  public interface Repository extends CrudRepository<Stock, String> {}
}
