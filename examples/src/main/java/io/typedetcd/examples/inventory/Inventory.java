package io.typedetcd.examples.inventory;

import io.typedetcd.client.EtcdClient;
import io.typedetcd.repository.Repositories;
import io.typedetcd.repository.Transactions;
import java.util.Objects;

/**
 * The inventory service: a catalog with unique SKUs, stock per SKU, and orders that take their
 * units from the stock atomically. Safe to call from many threads and many processes at once.
 *
 * <pre>{@code
 * Inventory inventory = new Inventory(client);
 * inventory.addProduct(new Product("p-1", "Mug", "MUG-1"), 10);
 * inventory.placeOrder(new Order("o-1", "MUG-1", 2)); // or OutOfStockException
 * }</pre>
 */
public final class Inventory {
  private final EtcdClient client;
  private final Product.Repository products;
  private final Stock.Repository stock;
  private final Order.Repository orders;

  public Inventory(EtcdClient client) {
    this.client = Objects.requireNonNull(client, "client");
    this.products = Repositories.create(Product.Repository.class, client);
    this.stock = Repositories.create(Stock.Repository.class, client);
    this.orders = Repositories.create(Order.Repository.class, client);
  }

  public Product.Repository products() {
    return products;
  }

  public Stock.Repository stock() {
    return stock;
  }

  public Order.Repository orders() {
    return orders;
  }

  /**
   * Adds the product with its initial stock, both or neither: {@code UniqueConstraintException}
   * when another product has its SKU, {@code EntityExistsException} when its id or stock exists.
   */
  public void addProduct(Product product, int initialStock) {
    if (initialStock < 0) {
      throw new IllegalArgumentException("initialStock must not be negative, was " + initialStock);
    }
    Transactions.run(
        client,
        tx -> {
          tx.insert(products, product);
          tx.insert(stock, new Stock(product.sku(), initialStock, 0));
        });
  }

  /**
   * Stores the order and takes its units from the stock in one etcd transaction. The stock is read
   * and changed under its version: when another order got in between, the whole transaction is read
   * and tried again. {@link OutOfStockException} when there are too few units (nothing is written);
   * {@code EntityNotFoundException} for an unknown SKU; {@code EntityExistsException} when the
   * order id is taken.
   */
  public void placeOrder(Order order) {
    if (order.quantity() < 1) {
      throw new IllegalArgumentException("quantity must be positive, was " + order.quantity());
    }
    Transactions.run(
        client,
        tx -> {
          tx.insert(orders, order);
          tx.update(stock, order.sku(), s -> s.take(order.quantity()));
        });
  }

  /** Adds units to the stock: a read-modify-write retried until no other writer interferes. */
  public Stock restock(String sku, int quantity) {
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be positive, was " + quantity);
    }
    return stock.update(sku, s -> s.add(quantity));
  }
}
