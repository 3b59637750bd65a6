package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.kv.GetResponse;
import io.typedetcd.client.kv.Op;
import io.typedetcd.client.kv.TxnResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * One entity operation of a write transaction. Each attempt resolves what the operation must read
 * (the stored entity when indexes need its old values or a change function needs it; the unique
 * keys it takes or gives up; the entities holding them), then {@linkplain WritePlanner plans}
 * guards and writes from it. Not thread-safe: one attempt at a time.
 *
 * <p>Guards by kind ({@code v}: the entity's {@code @Version}; "observed": the version read in this
 * attempt, which makes a failure retryable):
 *
 * <ul>
 *   <li>{@code SAVE}: {@code v == 0} inserts (absent, else {@link EntityExistsException}); {@code v
 *       > 0} updates (at v, else {@link OptimisticLockException}); without {@code @Version} an
 *       upsert, guarded only when indexes need the old values (observed);
 *   <li>{@code INSERT}: absent, with or without {@code @Version};
 *   <li>{@code UPDATE}: at v ({@code v > 0} required); without {@code @Version}: exists, else
 *       {@link EntityNotFoundException};
 *   <li>{@code CHANGE} ({@code update(id, fn)}): observed;
 *   <li>{@code DELETE}: at v when {@code v > 0}, else like {@code DELETE_BY_ID};
 *   <li>{@code DELETE_BY_ID}: none, or observed when indexes must be cleaned or the delete is
 *       conditional ({@link #onlyIf}: a delete through an index).
 * </ul>
 */
final class EntityWrite<T, ID> {
  enum Kind {
    SAVE,
    INSERT,
    UPDATE,
    CHANGE,
    DELETE,
    DELETE_BY_ID
  }

  final EntityType<T, ID> type;
  final Kind kind;
  final ByteString key;
  private final @Nullable T given;
  private final @Nullable UnaryOperator<T> change;
  private @Nullable Predicate<T> onlyIf;
  private UnaryOperator<WritePlan> finish = UnaryOperator.identity();
  private final long version;

  // one attempt
  private EntityType.@Nullable Observed<T> current;
  private @Nullable T next;
  private boolean nextKnown;

  // the outcome
  private @Nullable T saved;
  private boolean existed;
  private boolean committed;

  EntityWrite(
      EntityType<T, ID> type,
      Kind kind,
      @Nullable T given,
      @Nullable ByteString key,
      @Nullable UnaryOperator<T> change) {
    this.type = type;
    this.kind = kind;
    this.given = given;
    this.change = change;
    this.version = given == null ? 0 : type.versionOf(given);
    this.key =
        given != null ? type.mapper.key(type.mapper.id(given)) : Objects.requireNonNull(key, "key");
    if (kind == Kind.UPDATE && type.mapper.hasVersion() && version == 0) {
      throw new IllegalArgumentException(
          type.name
              + " at '"
              + this.key.toStringUtf8()
              + "' has version 0: update needs the version it was read with (use insert or save"
              + " for a new entity)");
    }
  }

  /**
   * Makes a delete by id conditional: the entity is deleted only if, as read, it still satisfies
   * {@code condition} (a delete through an index: it must still have the value).
   */
  EntityWrite<T, ID> onlyIf(Predicate<T> condition) {
    if (kind != Kind.DELETE_BY_ID) {
      throw new IllegalStateException("only a delete by id is conditional");
    }
    this.onlyIf = condition;
    return this;
  }

  /**
   * A last change to every plan of this write, after its index keys joined it: where a lease is
   * given to all of its puts ({@code plan -> plan.withLease(id)}). It must keep the compares.
   */
  EntityWrite<T, ID> finishPlan(UnaryOperator<WritePlan> change) {
    this.finish = Objects.requireNonNull(change, "change");
    return this;
  }

  UnaryOperator<WritePlan> finish() {
    return finish;
  }

  /** Whether the stored entity must be read before planning. */
  boolean readsCurrent() {
    return kind == Kind.CHANGE || onlyIf != null || !type.indexes.isEmpty();
  }

  /** Whether this attempt writes nothing: a conditional delete whose condition does not hold. */
  boolean skips() {
    Predicate<T> condition = onlyIf;
    EntityType.Observed<T> c = current;
    if (condition == null || c == null || !c.exists()) {
      return false;
    }
    return c.entity() == null || !condition.test(c.entity());
  }

  long version() {
    return version;
  }

  @Nullable T given() {
    return given;
  }

  EntityType.@Nullable Observed<T> current() {
    return current;
  }

  /** Starts a new attempt: forgets what the previous one read and computed. */
  void reset() {
    current = null;
    next = null;
    nextKnown = false;
  }

  /**
   * Takes what it needs from {@code reads}; true when everything is there, false when it noted
   * reads still to fetch. Throws what no retry can cure: an update of a missing entity, a change
   * function's failure, a stored entity a change function cannot be given.
   */
  boolean resolve(ReadSet reads) {
    boolean haveCurrent = true;
    if (readsCurrent() && current == null) {
      GetResponse r = reads.get(type.read(key));
      if (r == null) {
        haveCurrent = false;
      } else {
        current = type.observe(r);
      }
    }
    if (!nextKnown) {
      if (!haveCurrent && kind == Kind.CHANGE) {
        return false; // the change function needs the stored entity
      }
      next = computeNext();
      nextKnown = true;
    }
    // Unless a change function decides it, the new state is known before the stored one is read:
    // the unique keys it takes are then read in the same round as the entity (one round saved).
    boolean planned = WritePlanner.resolve(this, reads);
    return haveCurrent && planned;
  }

  private @Nullable T computeNext() {
    switch (kind) {
      case DELETE:
      case DELETE_BY_ID:
        return null;
      case CHANGE:
        EntityType.Observed<T> c = Objects.requireNonNull(current);
        if (!c.exists()) {
          throw new EntityNotFoundException(type.name, key.toStringUtf8());
        }
        if (c.decodeError() != null) {
          throw c.decodeError();
        }
        T changed =
            Objects.requireNonNull(
                Objects.requireNonNull(change).apply(Objects.requireNonNull(c.entity())),
                () ->
                    "the change of "
                        + type.name
                        + " at '"
                        + key.toStringUtf8()
                        + "' returned null");
        ByteString changedKey = type.mapper.key(type.mapper.id(changed));
        if (!changedKey.equals(key)) {
          throw new IllegalArgumentException(
              "the change of "
                  + type.name
                  + " at '"
                  + key.toStringUtf8()
                  + "' changed its key to '"
                  + changedKey.toStringUtf8()
                  + "'; a change must keep the id");
        }
        return changed;
      default:
        return Objects.requireNonNull(given);
    }
  }

  /** The entity as it will be stored; null for a delete. */
  @Nullable T next() {
    return next;
  }

  /**
   * Whether, once this write is applied, the entity has {@code value} in index {@code property}.
   */
  boolean holdsAfter(String property, String value) {
    T n = next;
    return n != null && value.equals(type.indexes.value(type.indexes.get(property), n));
  }

  /** The guards and writes of this attempt; call once {@link #resolve} returned true. */
  PreparedWrite plan(ReadSet reads, Batch batch) {
    return new WritePlanner<>(this, reads, batch).build();
  }

  /** Takes the outcome from the committed transaction; its ops start at {@code firstOp}. */
  void committed(TxnResponse r, int firstOp, boolean unconditionalDelete) {
    T n = next;
    if (n != null) {
      saved = type.mapper.withVersion(n, r.header().revision());
    } else if (unconditionalDelete) {
      existed = r.deleteResponse(firstOp).deleted() > 0;
    } else {
      existed = !skips() && (current == null || current.exists());
    }
    committed = true;
  }

  /** The stored entity after a committed save or update. */
  T saved() {
    checkCommitted();
    return Objects.requireNonNull(saved, "not a save");
  }

  /** Whether a committed delete found the entity. */
  boolean existed() {
    checkCommitted();
    return existed;
  }

  private void checkCommitted() {
    if (!committed) {
      throw new IllegalStateException("the write has not been committed");
    }
  }

  String describe() {
    return type.name + " at '" + key.toStringUtf8() + "'";
  }

  /** The ops that store or delete the entity itself (never dropped when writes are merged). */
  List<Op> entityOps() {
    if (skips()) {
      return List.of();
    }
    T n = next;
    if (n != null) {
      return type.writes(key, n);
    }
    List<Op> ops = new ArrayList<>(1);
    if (current == null || current.exists()) {
      ops.add(type.delete(key));
    }
    return ops;
  }
}
