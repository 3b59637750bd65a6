package io.typedetcd.repository;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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
}
