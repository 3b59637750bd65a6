package io.typedetcd.client.kv;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Objects;

/**
 * One operation, to run alone with {@link KV#execute} or inside a transaction.
 *
 * <pre>{@code
 * kv.txn().when(Cmp.version("/lock").equalTo(0))
 *     .then(Op.put("/lock", "me"), Op.get("/config/", GetOptions.DEFAULT.withPrefix()))
 *     .orElse(Op.get("/lock"))
 *     .commit();
 * }</pre>
 */
public sealed interface Op permits Op.Put, Op.Get, Op.Delete, Op.Txn {
  /** The key the operation is about (the first compare's key for a transaction, if any). */
  ByteString key();

  static Put put(String key, String value) {
    return put(key, value, PutOptions.DEFAULT);
  }

  static Put put(String key, String value, PutOptions options) {
    return put(utf8(key), utf8(value), options);
  }

  static Put put(ByteString key, ByteString value, PutOptions options) {
    return new Put(key, value, options);
  }

  static Get get(String key) {
    return get(key, GetOptions.DEFAULT);
  }

  static Get get(String key, GetOptions options) {
    return get(utf8(key), options);
  }

  static Get get(ByteString key, GetOptions options) {
    return new Get(key, options);
  }

  static Delete delete(String key) {
    return delete(key, DeleteOptions.DEFAULT);
  }

  static Delete delete(String key, DeleteOptions options) {
    return delete(utf8(key), options);
  }

  static Delete delete(ByteString key, DeleteOptions options) {
    return new Delete(key, options);
  }

  /** A nested transaction (etcd ≥ 3.3). */
  static Txn txn(List<Cmp> when, List<Op> then, List<Op> orElse) {
    return new Txn(when, then, orElse);
  }

  private static ByteString utf8(String s) {
    return ByteString.copyFromUtf8(Objects.requireNonNull(s, "key/value"));
  }

  /** Writes {@code value} under {@code key}. */
  record Put(ByteString key, ByteString value, PutOptions options) implements Op {
    public Put {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(options, "options");
    }
  }

  /** Reads {@code key} (or a range, per the options). */
  record Get(ByteString key, GetOptions options) implements Op {
    public Get {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(options, "options");
    }
  }

  /** Deletes {@code key} (or a range, per the options). */
  record Delete(ByteString key, DeleteOptions options) implements Op {
    public Delete {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(options, "options");
    }
  }

  /** Runs {@code then} if every comparison holds, else {@code orElse}. */
  record Txn(List<Cmp> when, List<Op> then, List<Op> orElse) implements Op {
    public Txn {
      when = List.copyOf(when);
      then = List.copyOf(then);
      orElse = List.copyOf(orElse);
    }

    @Override
    public ByteString key() {
      if (!when.isEmpty()) {
        return when.get(0).key();
      }
      if (!then.isEmpty()) {
        return then.get(0).key();
      }
      return orElse.isEmpty() ? ByteString.EMPTY : orElse.get(0).key();
    }
  }
}
