package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.RequestTooLargeException;
import io.typedetcd.client.TooManyTxnOpsException;
import io.typedetcd.client.kv.Cmp;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.client.kv.Op;
import io.typedetcd.client.kv.TxnResponse;
import io.typedetcd.proto.etcdserverpb.Compare;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Several planned entity writes as one etcd transaction: all their guards, all their writes, and in
 * {@code orElse} one keys-only read per guarded range, from which a failure is explained guard by
 * guard. Merging drops what etcd would refuse or what is redundant: repeated guards, and the delete
 * of a unique key that another write of the same transaction takes over. The size is checked
 * against the client's limits before anything is sent.
 */
final class WriteTxn {
  private final List<PreparedWrite> parts;
  private final List<Guard> guards = new ArrayList<>();
  private final List<Integer> guardRead = new ArrayList<>();
  private final List<Cmp> when = new ArrayList<>();
  private final List<Op> then = new ArrayList<>();
  private final List<Op> orElse = new ArrayList<>();
  private final int[] firstOp;
  private final int bytes;

  private WriteTxn(List<PreparedWrite> parts, TxnContext ctx) {
    this.parts = parts;
    this.firstOp = new int[parts.size()];
    Set<ByteString> puts = new HashSet<>();
    for (PreparedWrite p : parts) {
      for (Op op : p.plan().then()) {
        if (op instanceof Op.Put put && !puts.add(put.key())) {
          throw new IllegalStateException("two writes put " + put.key().toStringUtf8());
        }
      }
    }
    Set<Compare> seenCompares = new HashSet<>();
    Map<List<ByteString>, Integer> reads = new LinkedHashMap<>();
    Set<ByteString> deletes = new HashSet<>();
    int size = 0;
    for (int w = 0; w < parts.size(); w++) {
      PreparedWrite p = parts.get(w);
      for (Guard g : p.guards()) {
        Compare c = g.cmp().toProto();
        if (!seenCompares.add(c)) {
          continue;
        }
        List<ByteString> range = List.of(c.getKey(), c.getRangeEnd());
        Integer read = reads.get(range);
        if (read == null) {
          read = orElse.size();
          reads.put(range, read);
          Op get =
              Op.get(c.getKey(), GetOptions.DEFAULT.withRangeEnd(c.getRangeEnd()).withKeysOnly());
          orElse.add(get);
          size += TxnSize.of(get, ctx.namespace);
        }
        guards.add(g);
        guardRead.add(read);
        when.add(g.cmp());
        size += TxnSize.of(g.cmp(), ctx.namespace);
      }
      firstOp[w] = then.size();
      for (Op op : p.plan().then()) {
        boolean singleDelete =
            op instanceof Op.Delete d && d.options().toRequest(d.key()).getRangeEnd().isEmpty();
        if (singleDelete && (puts.contains(op.key()) || !deletes.add(op.key()))) {
          continue;
        }
        then.add(op);
        size += TxnSize.of(op, ctx.namespace);
      }
    }
    this.bytes = size;
  }

  /**
   * The transaction of {@code parts}; a {@link TooManyTxnOpsException} or {@link
   * RequestTooLargeException} naming {@code what} when it exceeds the client's limits.
   */
  static WriteTxn of(List<PreparedWrite> parts, TxnContext ctx, String what) {
    WriteTxn t = new WriteTxn(parts, ctx);
    t.checkLimits(ctx, what);
    return t;
  }

  /** Builds the transaction without checking limits, to measure it. */
  static WriteTxn measure(List<PreparedWrite> parts, TxnContext ctx) {
    return new WriteTxn(parts, ctx);
  }

  /** Operations in the largest branch (compares count as a branch, as etcd counts them). */
  int ops() {
    return Math.max(when.size(), Math.max(then.size(), orElse.size()));
  }

  int whenCount() {
    return when.size();
  }

  int thenCount() {
    return then.size();
  }

  int orElseCount() {
    return orElse.size();
  }

  /** Serialized bytes, namespace included. */
  int bytes() {
    return bytes;
  }

  boolean fits(TxnContext ctx) {
    return ops() <= ctx.maxTxnOps && bytes <= ctx.maxRequestBytes;
  }

  private void checkLimits(TxnContext ctx, String what) {
    String key = parts.isEmpty() ? null : parts.get(0).write().key.toStringUtf8();
    String hint = parts.size() > 1 ? " Split it, or use BatchOptions.chunked()" : "";
    if (ops() > ctx.maxTxnOps) {
      throw new TooManyTxnOpsException(
          what
              + " needs "
              + ops()
              + " operations in one transaction, more than the client's maxTxnOps of "
              + ctx.maxTxnOps
              + " (etcd's --max-txn-ops); nothing was sent."
              + hint,
          key,
          null);
    }
    if (bytes > ctx.maxRequestBytes) {
      throw new RequestTooLargeException(
          what
              + " is "
              + bytes
              + " bytes in one transaction, more than the client's maxRequestBytes of "
              + ctx.maxRequestBytes
              + " (etcd's --max-request-bytes); nothing was sent."
              + hint,
          key,
          null);
    }
  }

  /**
   * Sends the transaction. On success every write is told its outcome; on failure the future fails
   * with the conflict of the first failed guard that no retry can cure, or with a {@link
   * Retries.Conflict} when every failed guard is retryable.
   */
  CompletableFuture<TxnResponse> commit(TxnContext ctx) {
    if (when.isEmpty() && orElse.isEmpty() && then.size() == 1 && then.get(0) instanceof Op.Put p) {
      // An unconditional single put (an upsert without indexes) is the same write as a plain Put,
      // which etcd applies with less work than a transaction.
      return ctx.kv
          .put(p.key(), p.value(), p.options())
          .thenApply(put -> succeeded(new TxnResponse(put.header(), true, List.of(put))));
    }
    return ctx.kv
        .txn()
        .when(when.toArray(new Cmp[0]))
        .then(then.toArray(new Op[0]))
        .orElse(orElse.toArray(new Op[0]))
        .commit()
        .thenApply(
            r -> {
              if (!r.succeeded()) {
                throw explain(r);
              }
              return succeeded(r);
            });
  }

  private TxnResponse succeeded(TxnResponse r) {
    for (int w = 0; w < parts.size(); w++) {
      PreparedWrite p = parts.get(w);
      p.write().committed(r, firstOp[w], p.unconditionalDelete());
    }
    return r;
  }

  private RuntimeException explain(TxnResponse failed) {
    EtcdException retryable = null;
    Map<Integer, Long> versions = new HashMap<>();
    for (int i = 0; i < guards.size(); i++) {
      Guard g = guards.get(i);
      var kvs = failed.getResponse(guardRead.get(i)).kvs();
      if (Guard.holds(g.cmp().toProto(), kvs)) {
        continue;
      }
      long version = versions.computeIfAbsent(guardRead.get(i), k -> Guard.version(kvs));
      if (!g.retryable()) {
        return g.conflict().apply(version);
      }
      if (retryable == null) {
        retryable = g.conflict().apply(version);
      }
    }
    if (retryable == null) {
      // Cannot happen: compares and reads see one revision. Retrying is still the safe answer.
      retryable = new EtcdException("a transaction failed on no guard", null, null);
    }
    return new Retries.Conflict(retryable);
  }
}
