package io.typedetcd.repository;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of entities in key order, read at {@link #revision()}.
 *
 * <pre>{@code
 * Page<Order> page = orders.findAll(PageRequest.ofSize(100));
 * page.content().forEach(this::show);
 * if (page.hasNext()) {
 *   Page<Order> next = orders.findAll(PageRequest.ofSize(100).withToken(page.nextToken()));
 * }
 * }</pre>
 *
 * @param content the entities, at most the requested size
 * @param nextToken the opaque token of the next page; null on the last page
 * @param revision the store revision every page of this sequence is read at
 */
public record Page<T>(List<T> content, @Nullable String nextToken, long revision) {
  public Page {
    content = List.copyOf(content);
  }

  /** Whether another page follows. */
  public boolean hasNext() {
    return nextToken != null;
  }
}
