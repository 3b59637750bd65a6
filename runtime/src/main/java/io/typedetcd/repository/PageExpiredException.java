package io.typedetcd.repository;

import io.typedetcd.client.EtcdException;
import org.jspecify.annotations.Nullable;

/**
 * A page token's snapshot is gone: etcd compacted the revision the first page was read at, so later
 * pages can no longer be read consistently with it. Nothing is wrong with the data; read again from
 * the first page.
 *
 * <pre>{@code
 * try {
 *   page = orders.findAll(PageRequest.ofSize(100).withToken(token));
 * } catch (PageExpiredException e) {
 *   page = orders.findAll(PageRequest.ofSize(100)); // restart
 * }
 * }</pre>
 */
public class PageExpiredException extends EtcdException {
  private static final long serialVersionUID = 1L;

  private final long revision;

  public PageExpiredException(
      String message, @Nullable String key, long revision, @Nullable Throwable cause) {
    super(message, key, cause);
    this.revision = revision;
  }

  /** The revision the token's pages were read at, now compacted. */
  public long revision() {
    return revision;
  }
}
