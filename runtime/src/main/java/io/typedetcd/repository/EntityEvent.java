package io.typedetcd.repository;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One change to the watched entities, as a typed watch delivers it: in revision order, at most one
 * event per entity per etcd revision (a {@code FIELDS} entity's property keys written by one
 * transaction make one event).
 *
 * <pre>{@code
 * services.watchAll(event -> {
 *   if (event instanceof EntityEvent.Created<ServiceInstance, Id> c) join(c.entity());
 *   else if (event instanceof EntityEvent.Updated<ServiceInstance, Id> u) change(u.current());
 *   else if (event instanceof EntityEvent.Deleted<ServiceInstance, Id> d) leave(d.id());
 *   else if (event instanceof EntityEvent.Resync<ServiceInstance, Id> r) replaceAll(r.entities());
 *   else if (event instanceof EntityEvent.DecodeFailed<ServiceInstance, Id> f) log(f.error());
 * });
 * }</pre>
 *
 * @param <T> the entity type
 * @param <ID> the id type
 */
public sealed interface EntityEvent<T, ID> {
  /** The etcd revision of the change (for {@link Resync}: of the snapshot). */
  long revision();

  /** An entity that did not exist was saved. */
  record Created<T, ID>(T entity, long revision) implements EntityEvent<T, ID> {
    public Created {
      Objects.requireNonNull(entity, "entity");
    }
  }

  /**
   * An existing entity was saved again.
   *
   * @param previous the entity before the change; null only when its stored value did not decode (a
   *     {@link DecodeFailed} was delivered for it) or etcd could no longer supply it (compacted)
   * @param current the entity after the change, its version being {@code revision}
   */
  record Updated<T, ID>(@Nullable T previous, T current, long revision)
      implements EntityEvent<T, ID> {
    public Updated {
      Objects.requireNonNull(current, "current");
    }
  }

  /**
   * An entity was deleted, or expired with its lease.
   *
   * @param previous the entity before the delete; null when it did not decode or etcd could no
   *     longer supply it
   */
  record Deleted<T, ID>(ID id, @Nullable T previous, long revision) implements EntityEvent<T, ID> {
    public Deleted {
      Objects.requireNonNull(id, "id");
    }
  }

  /**
   * A changed key under the entity prefix does not map to an entity (written by another tool, or a
   * key that is no entity key). The watch goes on.
   *
   * @param key the entity key (for {@code FIELDS}: without the property part) or the stray key
   */
  record DecodeFailed<T, ID>(String key, MappingException error, long revision)
      implements EntityEvent<T, ID> {
    public DecodeFailed {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(error, "error");
    }
  }

  /**
   * The watch could not resume from where it was (etcd compacted that history) or was asked for the
   * initial state: here is every watched entity as of {@code revision}. Replace what you know with
   * it; changes after {@code revision} follow. Entities that do not decode come right after as
   * {@link DecodeFailed} events of the same revision.
   */
  record Resync<T, ID>(List<T> entities, long revision) implements EntityEvent<T, ID> {
    public Resync {
      entities = List.copyOf(entities);
    }
  }
}
