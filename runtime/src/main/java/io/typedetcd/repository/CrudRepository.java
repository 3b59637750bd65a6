package io.typedetcd.repository;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The operations every generated repository has. Extend it in an {@code @EtcdRepository} interface;
 * the processor implements it.
 *
 * <pre>{@code
 * @EtcdRepository
 * interface ServiceRepository extends CrudRepository<ServiceInstance, ServiceInstance.Id> {}
 *
 * ServiceRepository services = Repositories.create(ServiceRepository.class, client);
 * ServiceInstance saved = services.save(instance);
 * Optional<ServiceInstance> found = services.findById(new ServiceInstance.Id("eu", "a1"));
 * }</pre>
 *
 * <p>Blocking methods wait at most the client's call timeout per etcd call; {@link #async()} has
 * the same operations returning futures.
 *
 * @param <T> the entity type
 * @param <ID> the id type: the single {@code @Key} type, or a record of the {@code @Key}s in order
 */
public interface CrudRepository<T, ID> {
  /** Saves the entity in one transaction and returns it as stored (with its new version). */
  T save(T entity);

  /** Saves every entity; see the implementation for batching. */
  List<T> saveAll(Iterable<? extends T> entities);

  Optional<T> findById(ID id);

  boolean existsById(ID id);

  /** Every entity, in key order. Prefer {@link #streamAll()} for large sets. */
  List<T> findAll();

  /**
   * Every entity, in key order, read lazily in pages at one revision; close the stream (use
   * try-with-resources).
   */
  Stream<T> streamAll();

  long count();

  /** Deletes the entity with this id; true if it existed. */
  boolean deleteById(ID id);

  /** Deletes this entity (by its id). */
  void delete(T entity);

  /** Deletes every entity of this type; returns how many. */
  long deleteAll();

  /** The same repository with asynchronous methods. */
  AsyncCrudRepository<T, ID> async();
}
