package io.typedetcd.repository;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * {@link CrudRepository}'s operations as futures; failures are {@code EtcdException}s.
 *
 * <pre>{@code
 * services.async().findById(id).thenAccept(found -> found.ifPresent(this::route));
 * }</pre>
 */
public interface AsyncCrudRepository<T, ID> {
  CompletableFuture<T> save(T entity);

  CompletableFuture<T> save(T entity, SaveOptions options);

  CompletableFuture<Registration<T>> register(
      T entity, Duration ttl, RegistrationListener<T> listener);

  CompletableFuture<Registration<T>> register(T entity, RegistrationListener<T> listener);

  CompletableFuture<List<T>> saveAll(Iterable<? extends T> entities);

  CompletableFuture<Optional<T>> findById(ID id);

  CompletableFuture<Boolean> existsById(ID id);

  CompletableFuture<List<T>> findAll();

  CompletableFuture<Page<T>> findAll(PageRequest request);

  CompletableFuture<Long> count();

  CompletableFuture<Boolean> deleteById(ID id);

  CompletableFuture<Void> delete(T entity);

  CompletableFuture<Long> deleteAll();

  CompletableFuture<BatchResult<T>> saveAll(Iterable<? extends T> entities, BatchOptions options);

  CompletableFuture<T> insert(T entity);

  CompletableFuture<T> update(T entity);

  /**
   * Like {@link CrudRepository#update(Object, UnaryOperator)}; its failures as they were thrown.
   */
  CompletableFuture<T> update(ID id, UnaryOperator<T> change);

  CompletableFuture<Long> deleteAll(Iterable<? extends T> entities);

  CompletableFuture<BatchResult<Boolean>> deleteAll(
      Iterable<? extends T> entities, BatchOptions options);

  CompletableFuture<Long> deleteAllById(Iterable<? extends ID> ids);

  CompletableFuture<BatchResult<Boolean>> deleteAllById(
      Iterable<? extends ID> ids, BatchOptions options);

  CompletableFuture<IndexReport> verifyIndexes();

  CompletableFuture<IndexReport> rebuildIndexes();
}
