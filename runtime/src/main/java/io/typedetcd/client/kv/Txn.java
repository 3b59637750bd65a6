package io.typedetcd.client.kv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Builds a transaction: if every comparison holds, run {@code then}, else {@code orElse}, all at
 * one revision. Not thread-safe; build it on one thread and {@link #commit()} once.
 *
 * <pre>{@code
 * TxnResponse r = kv.txn()
 *     .when(Cmp.modRevision("/users/42").equalTo(seenRevision))
 *     .then(Op.put("/users/42", json))
 *     .orElse(Op.get("/users/42"))
 *     .commit().join();
 * }</pre>
 */
public final class Txn {
  private final Function<Op.Txn, CompletableFuture<TxnResponse>> committer;
  private final List<Cmp> when = new ArrayList<>();
  private final List<Op> then = new ArrayList<>();
  private final List<Op> orElse = new ArrayList<>();

  /** For {@link KV} implementations: {@code committer} sends the finished transaction. */
  public Txn(Function<Op.Txn, CompletableFuture<TxnResponse>> committer) {
    this.committer = committer;
  }

  /** Adds comparisons; all must hold for {@code then} to run. */
  public Txn when(Cmp... cmps) {
    when.addAll(Arrays.asList(cmps));
    return this;
  }

  /** Adds operations to run when every comparison holds. */
  public Txn then(Op... ops) {
    then.addAll(Arrays.asList(ops));
    return this;
  }

  /** Adds operations to run when some comparison fails. */
  public Txn orElse(Op... ops) {
    orElse.addAll(Arrays.asList(ops));
    return this;
  }

  /** The transaction as an operation, e.g. to nest it in another. */
  public Op.Txn asOp() {
    return Op.txn(when, then, orElse);
  }

  /** Sends the transaction. */
  public CompletableFuture<TxnResponse> commit() {
    return committer.apply(asOp());
  }
}
