package io.typedetcd.repository;

import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * The async twins of {@link RepositorySupport}'s operations, the base of {@link
 * AbstractRepository}'s async view; {@link AsyncCrudRepository} documents them.
 */
abstract class AsyncSupport<T, ID> {
  private final RepositorySupport<T, ID> repo;

  AsyncSupport(RepositorySupport<T, ID> repo) {
    this.repo = repo;
  }

  public CompletableFuture<T> insert(T entity) {
    return repo.insertAsync(entity);
  }

  public CompletableFuture<T> update(T entity) {
    return repo.updateAsync(entity);
  }

  public CompletableFuture<T> update(ID id, UnaryOperator<T> change) {
    return repo.updateAsync(id, change);
  }

  public CompletableFuture<BatchResult<T>> saveAll(
      Iterable<? extends T> entities, BatchOptions options) {
    return repo.saveAllAsync(entities, options);
  }

  public CompletableFuture<Long> deleteAll(Iterable<? extends T> entities) {
    return repo.deleteAllAsync(entities);
  }

  public CompletableFuture<BatchResult<Boolean>> deleteAll(
      Iterable<? extends T> entities, BatchOptions options) {
    return repo.deleteAllAsync(entities, options);
  }

  public CompletableFuture<Long> deleteAllById(Iterable<? extends ID> ids) {
    return repo.deleteAllByIdAsync(ids);
  }

  public CompletableFuture<BatchResult<Boolean>> deleteAllById(
      Iterable<? extends ID> ids, BatchOptions options) {
    return repo.deleteAllByIdAsync(ids, options);
  }

  public CompletableFuture<IndexReport> verifyIndexes() {
    return repo.verifyIndexesAsync();
  }

  public CompletableFuture<IndexReport> rebuildIndexes() {
    return repo.rebuildIndexesAsync();
  }
}
