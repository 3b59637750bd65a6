package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.EtcdClient;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The base of every generated repository: CRUD for one entity type, plus the range operations
 * that derived queries compile to. A derived query on a leading run of key components reads the
 * {@link io.typedetcd.codec.KeyPath#prefix() prefix} of those components.
 *
 * <p>Generated code (what the processor writes for {@code findByRegion(String region)}):
 *
 * <pre>{@code
 * public List<ServiceInstance> findByRegion(String region) {
 *   return findByPrefix(mapper().root().add(KeySegments.string(region)).prefix(), 0, false);
 * }
 * }</pre>
 */
public abstract class AbstractRepository<T, ID> implements CrudRepository<T, ID> {
  protected AbstractRepository(EtcdClient client, EntityMapper<T, ID> mapper) {
    throw new UnsupportedOperationException("contract only");
  }

  protected final EntityMapper<T, ID> mapper() {
    throw new UnsupportedOperationException("contract only");
  }

  protected final EtcdClient client() {
    throw new UnsupportedOperationException("contract only");
  }

  // CrudRepository: stubs so generated subclasses compile; the runtime branch implements them.

  @Override
  public T save(T entity) {
    throw new UnsupportedOperationException("contract only");
  }

  @Override
  public List<T> saveAll(Iterable<? extends T> entities) {
    throw new UnsupportedOperationException("contract only");
  }

  @Override
  public Optional<T> findById(ID id) {
    throw new UnsupportedOperationException("contract only");
  }

  @Override
  public boolean existsById(ID id) {
    throw new UnsupportedOperationException("contract only");
  }

  @Override
  public List<T> findAll() {
    throw new UnsupportedOperationException("contract only");
  }

  @Override
  public Stream<T> streamAll() {
    throw new UnsupportedOperationException("contract only");
  }

  @Override
  public long count() {
    throw new UnsupportedOperationException("contract only");
  }

  @Override
  public boolean deleteById(ID id) {
    throw new UnsupportedOperationException("contract only");
  }

  @Override
  public void delete(T entity) {
    throw new UnsupportedOperationException("contract only");
  }

  @Override
  public long deleteAll() {
    throw new UnsupportedOperationException("contract only");
  }

  @Override
  public AsyncCrudRepository<T, ID> async() {
    throw new UnsupportedOperationException("contract only");
  }

  /** The entity stored under this full key, if any. */
  protected final CompletableFuture<Optional<T>> findByKeyAsync(ByteString key) {
    throw new UnsupportedOperationException("contract only");
  }

  /**
   * Entities whose keys start with {@code prefix}, in key order (reversed when {@code
   * descending}), at most {@code limit} of them (0: all).
   */
  protected final CompletableFuture<List<T>> findByPrefixAsync(
      ByteString prefix, int limit, boolean descending) {
    throw new UnsupportedOperationException("contract only");
  }

  protected final List<T> findByPrefix(ByteString prefix, int limit, boolean descending) {
    throw new UnsupportedOperationException("contract only");
  }

  /**
   * The only entity under {@code prefix}, if any; an {@code EtcdException} naming the prefix when
   * there are several.
   */
  protected final CompletableFuture<Optional<T>> findOneByPrefixAsync(ByteString prefix) {
    throw new UnsupportedOperationException("contract only");
  }

  protected final Optional<T> findOneByPrefix(ByteString prefix) {
    throw new UnsupportedOperationException("contract only");
  }

  /** Entities under {@code prefix}, read lazily in pages at one revision; close the stream. */
  protected final Stream<T> streamByPrefix(ByteString prefix, boolean descending) {
    throw new UnsupportedOperationException("contract only");
  }

  protected final CompletableFuture<Long> countByPrefixAsync(ByteString prefix) {
    throw new UnsupportedOperationException("contract only");
  }

  protected final long countByPrefix(ByteString prefix) {
    throw new UnsupportedOperationException("contract only");
  }

  protected final CompletableFuture<Boolean> existsByPrefixAsync(ByteString prefix) {
    throw new UnsupportedOperationException("contract only");
  }

  protected final boolean existsByPrefix(ByteString prefix) {
    throw new UnsupportedOperationException("contract only");
  }

  /** Deletes every entity under {@code prefix}; returns how many. */
  protected final CompletableFuture<Long> deleteByPrefixAsync(ByteString prefix) {
    throw new UnsupportedOperationException("contract only");
  }

  protected final long deleteByPrefix(ByteString prefix) {
    throw new UnsupportedOperationException("contract only");
  }
}
