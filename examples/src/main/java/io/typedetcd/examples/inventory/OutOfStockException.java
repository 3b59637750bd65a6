package io.typedetcd.examples.inventory;

/**
 * An order wants more units than are available; thrown inside the transaction, it aborts it, so
 * nothing is written.
 *
 * <pre>{@code
 * try {
 *   inventory.placeOrder(order);
 * } catch (OutOfStockException e) {
 *   tell(e.getMessage());
 * }
 * }</pre>
 */
public final class OutOfStockException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String sku;
  private final int available;
  private final int wanted;

  public OutOfStockException(String sku, int available, int wanted) {
    super("only " + available + " of " + sku + " left, " + wanted + " wanted");
    this.sku = sku;
    this.available = available;
    this.wanted = wanted;
  }

  public String sku() {
    return sku;
  }

  public int available() {
    return available;
  }

  public int wanted() {
    return wanted;
  }
}
