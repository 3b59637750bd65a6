package io.typedetcd.repository;

import io.typedetcd.client.Blocking;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
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
  /**
   * Saves the entity in one transaction and returns it as stored (with its new version). With a
   * {@code @Version}: version 0 inserts ({@link EntityExistsException} if it exists), any other
   * version updates the entity stored at that version ({@link OptimisticLockException} if it
   * changed or was deleted). Without {@code @Version}: an upsert. Index keys are written and stale
   * ones removed in the same transaction; a unique value held by another entity is a {@link
   * UniqueConstraintException}.
   */
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

  /**
   * Saves each entity in its own transaction, 16 at a time, in no particular order; the first
   * failure fails the call (others may have been saved). For one transaction, or chunks whose
   * outcome is reported, use {@link #saveAll(Iterable, BatchOptions)}.
   */
  List<T> saveAll(Iterable<? extends T> entities);

  /**
   * Saves the entities in one transaction ({@link BatchOptions#atomic()}) or in chunks ({@link
   * BatchOptions#chunked()}); each entity as {@link #save} would.
   */
  BatchResult<T> saveAll(Iterable<? extends T> entities, BatchOptions options);

  /** Inserts the entity, with or without {@code @Version}: {@link EntityExistsException} if any. */
  T insert(T entity);

  /**
   * Updates the entity: the one stored at its {@code @Version} (which must not be 0; {@link
   * OptimisticLockException} if it changed), or without {@code @Version} an existing one ({@link
   * EntityNotFoundException} if none).
   */
  T update(T entity);

  /**
   * Reads the entity, applies {@code change} and writes the result guarded by the version read;
   * when another writer got in between, reads and applies again (at once, then with the client's
   * retry backoff, at most 50 attempts, then {@link OptimisticLockException}), like Kubernetes'
   * {@code GuaranteedUpdate}. Returns the entity as stored. {@link EntityNotFoundException} when
   * there is none. {@code change} may run several times: keep it free of side effects; it must keep
   * the id; an exception it throws aborts the update and reaches the caller as it is.
   */
  T update(ID id, UnaryOperator<T> change);

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

  /**
   * Deletes this entity: with a {@code @Version} other than 0, only the one stored at that version
   * ({@link OptimisticLockException} otherwise); else by its id, like {@link #deleteById}.
   */
  void delete(T entity);

  /** Deletes every entity of this type, with its index keys, in one transaction; how many. */
  long deleteAll();

  /**
   * Deletes each entity as {@link #delete} would, each in its own transaction, 16 at a time; the
   * first failure fails the call. Returns how many existed.
   */
  long deleteAll(Iterable<? extends T> entities);

  /**
   * Deletes the entities as {@link #delete} would, atomically or in chunks; per entity: existed.
   */
  BatchResult<Boolean> deleteAll(Iterable<? extends T> entities, BatchOptions options);

  /** Deletes by id, each in its own transaction, 16 at a time; returns how many existed. */
  long deleteAllById(Iterable<? extends ID> ids);

  /** Deletes by id, atomically or in chunks; per id: whether the entity existed. */
  BatchResult<Boolean> deleteAllById(Iterable<? extends ID> ids, BatchOptions options);

  /**
   * Reads every entity and every index key at one revision and reports the index keys that are
   * missing or stale: drift left by writers that bypassed the repository. Holds the type's index
   * keys in memory.
   */
  IndexReport verifyIndexes();

  /**
   * Repairs what {@link #verifyIndexes()} finds (duplicates of unique values excepted: they need
   * the entities fixed), with guards that never undo a concurrent write; returns what it found and
   * repaired.
   */
  IndexReport rebuildIndexes();

  /** The same repository with asynchronous methods. */
  AsyncCrudRepository<T, ID> async();
}
