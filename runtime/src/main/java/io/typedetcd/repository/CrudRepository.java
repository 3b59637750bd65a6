package io.typedetcd.repository;

import io.typedetcd.client.Blocking;
import java.time.Duration;
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
 * the same operations returning futures (the default methods here are its blocking twins).
 *
 * @param <T> the entity type
 * @param <ID> the id type: the single {@code @Key} type, or a record of the {@code @Key}s in order
 */
public interface CrudRepository<T, ID> {
  /** Saves the entity in one transaction and returns it as stored (with its new version). */
  T save(T entity);

  /**
   * Saves the entity with options, such as a TTL: {@code save(e, SaveOptions.ttl(ofSeconds(10)))}.
   * See {@link SaveOptions} for how TTL entities share leases.
   */
  default T save(T entity, SaveOptions options) {
    return Blocking.get(async().save(entity, options));
  }

  /**
   * Saves the entity attached to the client's shared lease of this TTL and returns a handle whose
   * {@code close()} deletes it; {@code listener} hears if the lease is lost (the entity then
   * expired). See {@link Registration}.
   */
  default Registration<T> register(T entity, Duration ttl, RegistrationListener<T> listener) {
    return Blocking.get(async().register(entity, ttl, listener));
  }

  /**
   * {@link #register(Object, Duration, RegistrationListener)} with the entity's default TTL
   * ({@code @EtcdEntity(ttl = ...)}); an IllegalArgumentException when it has none.
   */
  default Registration<T> register(T entity, RegistrationListener<T> listener) {
    return Blocking.get(async().register(entity, listener));
  }

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

  /**
   * One page of every entity, in key order; later pages (by {@link PageRequest#withToken}) read the
   * first page's revision. See {@link PageRequest}.
   */
  default Page<T> findAll(PageRequest request) {
    return Blocking.get(async().findAll(request));
  }

  /** Watches every entity of this type from now on; see the method below. */
  default Subscription watchAll(EntityListener<T, ID> listener) {
    return watchAll(listener, EntityWatchOptions.DEFAULT);
  }

  /**
   * Watches every entity of this type: typed events in revision order, one per entity per
   * transaction, without gaps or duplicates across failures, with a {@link EntityEvent.Resync} of
   * the full state when etcd compacted the history the watch needed. Close the subscription.
   */
  Subscription watchAll(EntityListener<T, ID> listener, EntityWatchOptions options);

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
