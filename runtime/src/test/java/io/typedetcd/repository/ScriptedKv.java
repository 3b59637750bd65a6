package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.ResponseHeader;
import io.typedetcd.client.internal.Namespace;
import io.typedetcd.client.kv.CompactResponse;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.client.kv.DeleteResponse;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.client.kv.GetResponse;
import io.typedetcd.client.kv.KV;
import io.typedetcd.client.kv.Op;
import io.typedetcd.client.kv.OpResponse;
import io.typedetcd.client.kv.PutOptions;
import io.typedetcd.client.kv.PutResponse;
import io.typedetcd.client.kv.Txn;
import io.typedetcd.client.kv.TxnResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * A KV that only runs transactions, answering each with a script; it records what was committed. By
 * default every compare holds, reads find nothing and writes succeed, at increasing revisions.
 */
final class ScriptedKv implements KV {
  static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "scripted-kv-timer");
            t.setDaemon(true);
            return t;
          });

  final List<Op.Txn> committed = Collections.synchronizedList(new ArrayList<>());
  Function<Op.Txn, CompletableFuture<TxnResponse>> script = this::succeed;
  private long revision = 100;

  /** A context with these limits, no namespace and no backoff. */
  TxnContext context(int maxTxnOps, int maxRequestBytes) {
    return new TxnContext(
        this,
        maxTxnOps,
        maxRequestBytes,
        Namespace.NONE,
        n -> 0,
        TIMER,
        Runnable::run,
        () -> false);
  }

  /** Every compare holds: the then branch, each op answered empty. */
  synchronized CompletableFuture<TxnResponse> succeed(Op.Txn t) {
    return CompletableFuture.completedFuture(answer(t.then(), true, ++revision));
  }

  /** Some compare failed: the orElse branch, each read answered empty. */
  synchronized CompletableFuture<TxnResponse> fail(Op.Txn t) {
    return CompletableFuture.completedFuture(answer(t.orElse(), false, revision));
  }

  static TxnResponse answer(List<Op> ops, boolean succeeded, long revision) {
    ResponseHeader h = new ResponseHeader(1, 1, revision, 1);
    List<OpResponse> out = new ArrayList<>();
    for (Op op : ops) {
      if (op instanceof Op.Get) {
        out.add(new GetResponse(h, List.of(), false, 0));
      } else if (op instanceof Op.Put) {
        out.add(new PutResponse(h, null));
      } else if (op instanceof Op.Delete) {
        out.add(new DeleteResponse(h, 1, List.of()));
      } else {
        throw new UnsupportedOperationException("nested");
      }
    }
    return new TxnResponse(h, succeeded, out);
  }

  @Override
  public Txn txn() {
    return new Txn(
        t -> {
          committed.add(t);
          return script.apply(t);
        });
  }

  @Override
  public CompletableFuture<PutResponse> put(String key, String value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<PutResponse> put(String key, String value, PutOptions options) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<PutResponse> put(ByteString key, ByteString value, PutOptions options) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<GetResponse> get(String key) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<GetResponse> get(String key, GetOptions options) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<GetResponse> get(ByteString key, GetOptions options) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<DeleteResponse> delete(String key) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<DeleteResponse> delete(String key, DeleteOptions options) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<DeleteResponse> delete(ByteString key, DeleteOptions options) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<CompactResponse> compact(long revision) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<CompactResponse> compact(long revision, boolean physical) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<OpResponse> execute(Op op) {
    throw new UnsupportedOperationException();
  }
}
