package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The base of every generated repository: CRUD for one entity type, plus the range operations that
 * derived queries compile to. A derived query on a leading run of key components reads the {@link
 * io.typedetcd.codec.KeyPath#prefix() prefix} of those components.
 *
 * <p>Generated code (what the processor writes for {@code findByRegion(String region)}):
 *
 * <pre>{@code
 * public List<ServiceInstance> findByRegion(String region) {
 *   return findByPrefix(mapper().root().add(KeySegments.string(region)).prefix(), 0, false);
 * }
 * }</pre>
 *
 * <p>Every operation is one etcd request (a save is one transaction), except {@code saveAll} (one
 * transaction per entity), streams (one range read per page) and, for {@code FIELDS} entities,
 * limited reads and counts that need more than one page. Multi-page reads are pinned to the
 * revision of their first page. Entities with indexes are read before each write (one read
 * transaction) to learn the index keys to remove; {@code update(id, change)} reads too. The async
 * methods are the implementation; the blocking ones wait for them with {@link Blocking#get}.
 * Thread-safe.
 */
public abstract class AbstractRepository<T, ID> extends RepositorySupport<T, ID>
    implements CrudRepository<T, ID> {
  private final EtcdClient client;
  private final EntityMapper<T, ID> mapper;
  private final EntityStore<T, ID> store;
  private final AsyncCrudRepository<T, ID> async = new AsyncView();
  private final LeasedSaves<T, ID> leased;

  /** A repository over either layout; the mapper's type says which. */
  protected AbstractRepository(EtcdClient client, EntityMapper<T, ID> mapper) {
    this(client, mapper, storeFor(client, mapper));
  }

  AbstractRepository(EtcdClient client, EntityMapper<T, ID> mapper, EntityStore<T, ID> store) {
    super(client, mapper, store);
    this.client = Objects.requireNonNull(client, "client");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.store = store;
    this.leased =
        new LeasedSaves<>(client, store, this::saveAsync, this::saveAsync, async::deleteById);
  }

  private static <T, ID> EntityStore<T, ID> storeFor(
      EtcdClient client, EntityMapper<T, ID> mapper) {
    Objects.requireNonNull(client, "client");
    if (Objects.requireNonNull(mapper, "mapper") instanceof DocumentMapper<T, ID> d) {
      return new DocumentStore<>(client.kv(), d);
    }
    if (mapper instanceof FieldsMapper<T, ID> f) {
      return new FieldsStore<>(client.kv(), f);
    }
    throw new IllegalArgumentException(
        "mapper must be a DocumentMapper or a FieldsMapper, was " + mapper.getClass().getName());
  }

  protected final EntityMapper<T, ID> mapper() {
    return mapper;
  }

  protected final EtcdClient client() {
    return client;
  }

  // ---- CrudRepository: blocking twins of the async view ----

  @Override
  public T save(T entity) {
    return Blocking.get(async.save(entity));
  }

  @Override
  public List<T> saveAll(Iterable<? extends T> entities) {
    return Blocking.get(async.saveAll(entities));
  }

  @Override
  public Optional<T> findById(ID id) {
    return Blocking.get(async.findById(id));
  }

  @Override
  public boolean existsById(ID id) {
    return Blocking.get(async.existsById(id));
  }

  @Override
  public List<T> findAll() {
    return Blocking.get(async.findAll());
  }

  @Override
  public Stream<T> streamAll() {
    return store.stream(store.rootPrefix, false);
  }

  @Override
  public Subscription watchAll(EntityListener<T, ID> listener, EntityWatchOptions options) {
    return watchByPrefix(store.rootPrefix, listener, options);
  }

  @Override
  public long count() {
    return Blocking.get(async.count());
  }

  @Override
  public boolean deleteById(ID id) {
    return Blocking.get(async.deleteById(id));
  }

  @Override
  public void delete(T entity) {
    Blocking.get(async.delete(entity));
  }

  @Override
  public long deleteAll() {
    return Blocking.get(async.deleteAll());
  }

  @Override
  public AsyncCrudRepository<T, ID> async() {
    return async;
  }

  // ---- what derived queries call ----

  /** The entity stored under this full key, if any. */
  protected final CompletableFuture<Optional<T>> findByKeyAsync(ByteString key) {
    return store.findByKey(Objects.requireNonNull(key, "key"));
  }

  /** The entity stored under this full key, if any. */
  protected final Optional<T> findByKey(ByteString key) {
    return Blocking.get(findByKeyAsync(key));
  }

  /**
   * Entities whose keys start with {@code prefix}, in key order (reversed when {@code descending}),
   * at most {@code limit} of them (0: all).
   */
  protected final CompletableFuture<List<T>> findByPrefixAsync(
      ByteString prefix, int limit, boolean descending) {
    return store.findByPrefix(prefix, limit, descending);
  }

  protected final List<T> findByPrefix(ByteString prefix, int limit, boolean descending) {
    return Blocking.get(findByPrefixAsync(prefix, limit, descending));
  }

  /**
   * The only entity under {@code prefix}, if any; an {@code EtcdException} naming the prefix when
   * there are several.
   */
  protected final CompletableFuture<Optional<T>> findOneByPrefixAsync(ByteString prefix) {
    return store.findOneByPrefix(prefix);
  }

  protected final Optional<T> findOneByPrefix(ByteString prefix) {
    return Blocking.get(findOneByPrefixAsync(prefix));
  }

  /**
   * Entities under {@code prefix}, read lazily in pages at one revision; close the stream. If that
   * revision is compacted before the last page, the stream fails with a {@code CompactedException}
   * that says to start a new one.
   */
  protected final Stream<T> streamByPrefix(ByteString prefix, boolean descending) {
    return store.stream(prefix, descending);
  }

  protected final CompletableFuture<Long> countByPrefixAsync(ByteString prefix) {
    return store.countByPrefix(prefix);
  }

  protected final long countByPrefix(ByteString prefix) {
    return Blocking.get(countByPrefixAsync(prefix));
  }

  protected final CompletableFuture<Boolean> existsByPrefixAsync(ByteString prefix) {
    return store.existsByPrefix(prefix);
  }

  protected final boolean existsByPrefix(ByteString prefix) {
    return Blocking.get(existsByPrefixAsync(prefix));
  }

  /** Deletes every entity under {@code prefix}; returns how many. */
  protected final CompletableFuture<Long> deleteByPrefixAsync(ByteString prefix) {
    return deleteUnderAsync(prefix);
  }

  protected final long deleteByPrefix(ByteString prefix) {
    return Blocking.get(deleteByPrefixAsync(prefix));
  }

  /** Watches the entities under {@code prefix}: what {@code watchBy<KeyPrefix>} methods call. */
  protected final Subscription watchByPrefix(
      ByteString prefix, EntityListener<T, ID> listener, EntityWatchOptions options) {
    return EntityWatch.start(client, store, prefix, listener, options);
  }

  /**
   * Watches the one entity with this id: what {@code watchBy<AllKeyComponents>} methods call.
   * Events are those of {@link #watchByPrefix} (a {@code FIELDS} entity: one per transaction), for
   * this entity only, never for one whose key merely starts with its key; a {@code Resync} (after
   * compaction, or with {@link EntityWatchOptions#withInitialState()}) holds the entity, or nothing
   * when it is absent. (Not named like a derived query, so that no query method can clash with it.)
   */
  protected final Subscription watchEntity(
      ID id, EntityListener<T, ID> listener, EntityWatchOptions options) {
    ByteString key = mapper.key(Objects.requireNonNull(id, "id"));
    return EntityWatch.startOne(client, store, key, listener, options);
  }

  /** One page of the entities under {@code prefix}; see {@link PageRequest}. */
  protected final CompletableFuture<Page<T>> findPageByPrefixAsync(
      ByteString prefix, PageRequest request) {
    return Pager.page(store, prefix, request, false);
  }

  protected final Page<T> findPageByPrefix(ByteString prefix, PageRequest request) {
    return Blocking.get(findPageByPrefixAsync(prefix, request));
  }

  /**
   * One page of the entities under {@code prefix}, in reverse key order when {@code descending}:
   * what {@code findBy<Keys>OrderBy<NextKey>Desc(..., PageRequest)} calls. Its tokens continue
   * backwards, and are refused by the ascending pages of the same prefix.
   */
  protected final CompletableFuture<Page<T>> findPageByPrefixAsync(
      ByteString prefix, PageRequest request, boolean descending) {
    return Pager.page(store, prefix, request, descending);
  }

  protected final Page<T> findPageByPrefix(
      ByteString prefix, PageRequest request, boolean descending) {
    return Blocking.get(findPageByPrefixAsync(prefix, request, descending));
  }

  /** For tests: entities per stream page, and who hears about each page read. */
  final void streamPaging(int pageEntities, EntityIterator.@Nullable PageObserver observer) {
    store.streamPaging(pageEntities, observer);
  }

  /** The async operations; each is one etcd request unless {@link AbstractRepository} says. */
  private final class AsyncView extends AsyncSupport<T, ID> implements AsyncCrudRepository<T, ID> {
    AsyncView() {
      super(AbstractRepository.this);
    }

    @Override
    public CompletableFuture<T> save(T entity) {
      return leased.save(entity, SaveOptions.DEFAULT); // the entity's default TTL, if any
    }

    @Override
    public CompletableFuture<T> save(T entity, SaveOptions options) {
      return leased.save(entity, options);
    }

    @Override
    public CompletableFuture<Registration<T>> register(
        T entity, Duration ttl, RegistrationListener<T> listener) {
      return leased.register(entity, Objects.requireNonNull(ttl, "ttl"), listener);
    }

    @Override
    public CompletableFuture<Registration<T>> register(T entity, RegistrationListener<T> listener) {
      return leased.register(entity, null, listener);
    }

    @Override
    public CompletableFuture<Page<T>> findAll(PageRequest request) {
      return Pager.page(store, store.rootPrefix, request, false);
    }

    @Override
    public CompletableFuture<List<T>> saveAll(Iterable<? extends T> entities) {
      return mapper.defaultTtl() == null ? saveAllAsync(entities) : leased.saveAll(entities);
    }

    @Override
    public CompletableFuture<Optional<T>> findById(ID id) {
      return store.findByKey(mapper.key(Objects.requireNonNull(id, "id")));
    }

    @Override
    public CompletableFuture<Boolean> existsById(ID id) {
      return store.existsByKey(mapper.key(Objects.requireNonNull(id, "id")));
    }

    @Override
    public CompletableFuture<List<T>> findAll() {
      return store.findByPrefix(store.rootPrefix, 0, false);
    }

    @Override
    public CompletableFuture<Long> count() {
      return store.countByPrefix(store.rootPrefix);
    }

    @Override
    public CompletableFuture<Boolean> deleteById(ID id) {
      return deleteByIdAsync(id);
    }

    @Override
    public CompletableFuture<Void> delete(T entity) {
      return deleteAsync(entity).thenApply(d -> null);
    }

    @Override
    public CompletableFuture<Long> deleteAll() {
      return deleteUnderAsync(store.rootPrefix);
    }
  }
}
