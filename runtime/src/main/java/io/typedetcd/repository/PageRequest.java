package io.typedetcd.repository;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which page of entities to read: a size and, after the first page, the previous page's continue
 * token. Immutable.
 *
 * <pre>{@code
 * Page<Order> page = orders.findAll(PageRequest.ofSize(100));
 * while (page.hasNext()) {
 *   page = orders.findAll(PageRequest.ofSize(100).withToken(page.nextToken()));
 * }
 * }</pre>
 *
 * <p>Every page of a sequence reads the store at the first page's revision: together they are one
 * consistent snapshot. Once etcd compacts that revision a token fails with {@link
 * PageExpiredException}; start again from the first page.
 */
public final class PageRequest {
  /** The largest page, in entities. */
  public static final int MAX_SIZE = 10_000;

  private final int size;
  private final @Nullable String token;

  private PageRequest(int size, @Nullable String token) {
    this.size = size;
    this.token = token;
  }

  /** The first page of at most {@code size} entities (1 to {@link #MAX_SIZE}). */
  public static PageRequest ofSize(int size) {
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException(
          "size must be between 1 and " + MAX_SIZE + " entities, was " + size);
    }
    return new PageRequest(size, null);
  }

  /** The page after the one that returned {@code token} ({@link Page#nextToken()}). */
  public PageRequest withToken(String token) {
    Objects.requireNonNull(
        token, "token (a page without a next one has no token: check hasNext())");
    return new PageRequest(size, token);
  }

  /** The most entities the page holds. */
  public int size() {
    return size;
  }

  /** The continue token; null for a first page. */
  public @Nullable String token() {
    return token;
  }

  @Override
  public String toString() {
    return "PageRequest{size=" + size + (token == null ? ", first" : ", token=" + token) + "}";
  }
}
