package io.typedetcd.client.internal;

import com.google.protobuf.ByteString;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.ResponseHeader;
import io.typedetcd.client.TooManyTxnOpsException;
import io.typedetcd.client.kv.Cmp;
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
import io.typedetcd.proto.etcdserverpb.CompactionRequest;
import io.typedetcd.proto.etcdserverpb.DeleteRangeRequest;
import io.typedetcd.proto.etcdserverpb.KVGrpc;
import io.typedetcd.proto.etcdserverpb.PutRequest;
import io.typedetcd.proto.etcdserverpb.RangeRequest;
import io.typedetcd.proto.etcdserverpb.RequestOp;
import io.typedetcd.proto.etcdserverpb.ResponseOp;
import io.typedetcd.proto.etcdserverpb.TxnRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@link KV} over etcd's KV service, with the client's namespace applied both ways. */
final class KvImpl implements KV {
  private final Rpc rpc;
  private final Namespace ns;

  KvImpl(Rpc rpc, Namespace ns) {
    this.rpc = rpc;
    this.ns = ns;
  }

  @Override
  public CompletableFuture<PutResponse> put(String key, String value) {
    return put(ByteString.copyFromUtf8(key), ByteString.copyFromUtf8(value), PutOptions.DEFAULT);
  }

  @Override
  public CompletableFuture<PutResponse> put(String key, String value, PutOptions options) {
    return put(ByteString.copyFromUtf8(key), ByteString.copyFromUtf8(value), options);
  }

  @Override
  public CompletableFuture<PutResponse> put(ByteString key, ByteString value, PutOptions options) {
    PutRequest request = put(options.toRequest(key, value));
    return rpc.unaryMapped(
        KVGrpc.getPutMethod(), request, Rpc.Kind.WRITE, key.toStringUtf8(), this::toPut);
  }

  @Override
  public CompletableFuture<GetResponse> get(String key) {
    return get(ByteString.copyFromUtf8(key), GetOptions.DEFAULT);
  }

  @Override
  public CompletableFuture<GetResponse> get(String key, GetOptions options) {
    return get(ByteString.copyFromUtf8(key), options);
  }

  @Override
  public CompletableFuture<GetResponse> get(ByteString key, GetOptions options) {
    RangeRequest request = range(options.toRequest(key));
    return rpc.unaryMapped(
        KVGrpc.getRangeMethod(), request, Rpc.Kind.READ, key.toStringUtf8(), this::toGet);
  }

  @Override
  public CompletableFuture<DeleteResponse> delete(String key) {
    return delete(ByteString.copyFromUtf8(key), DeleteOptions.DEFAULT);
  }

  @Override
  public CompletableFuture<DeleteResponse> delete(String key, DeleteOptions options) {
    return delete(ByteString.copyFromUtf8(key), options);
  }

  @Override
  public CompletableFuture<DeleteResponse> delete(ByteString key, DeleteOptions options) {
    DeleteRangeRequest request = deleteRange(options.toRequest(key));
    return rpc.unaryMapped(
        KVGrpc.getDeleteRangeMethod(), request, Rpc.Kind.WRITE, key.toStringUtf8(), this::toDelete);
  }

  @Override
  public CompletableFuture<CompactResponse> compact(long revision) {
    return compact(revision, false);
  }

  @Override
  public CompletableFuture<CompactResponse> compact(long revision, boolean physical) {
    CompactionRequest request =
        CompactionRequest.newBuilder().setRevision(revision).setPhysical(physical).build();
    // Compacting to the same revision twice is harmless, so it may be retried like a read.
    return rpc.unary(KVGrpc.getCompactMethod(), request, Rpc.Kind.READ, null)
        .thenApply(r -> new CompactResponse(ResponseHeader.of(r.getHeader())));
  }

  @Override
  public Txn txn() {
    return new Txn(this::commit);
  }

  @Override
  public CompletableFuture<OpResponse> execute(Op op) {
    if (op instanceof Op.Put p) {
      return put(p.key(), p.value(), p.options()).thenApply(r -> r);
    }
    if (op instanceof Op.Get g) {
      return get(g.key(), g.options()).thenApply(r -> r);
    }
    if (op instanceof Op.Delete d) {
      return delete(d.key(), d.options()).thenApply(r -> r);
    }
    return commit((Op.Txn) op).thenApply(r -> r);
  }

  /** Sends a transaction; one that etcd would refuse for its size fails before sending. */
  CompletableFuture<TxnResponse> commit(Op.Txn txn) {
    String key = txn.key().toStringUtf8();
    int limit = rpc.config().maxTxnOps();
    int largest = largestBranch(txn);
    if (largest > limit) {
      return CompletableFuture.failedFuture(
          new TooManyTxnOpsException(
              "transaction on '"
                  + key
                  + "' has "
                  + largest
                  + " operations in one branch, more than the limit of "
                  + limit
                  + " (etcd's --max-txn-ops)",
              key,
              null));
    }
    TxnRequest request = txnRequest(txn);
    Rpc.Kind kind = isReadOnly(txn) ? Rpc.Kind.READ : Rpc.Kind.WRITE;
    return rpc.unaryMapped(KVGrpc.getTxnMethod(), request, kind, key, this::toTxn);
  }

  private static int largestBranch(Op.Txn txn) {
    int max = Math.max(txn.when().size(), Math.max(txn.then().size(), txn.orElse().size()));
    for (Op op : txn.then()) {
      if (op instanceof Op.Txn nested) {
        max = Math.max(max, largestBranch(nested));
      }
    }
    for (Op op : txn.orElse()) {
      if (op instanceof Op.Txn nested) {
        max = Math.max(max, largestBranch(nested));
      }
    }
    return max;
  }

  private static boolean isReadOnly(Op.Txn txn) {
    for (List<Op> branch : List.of(txn.then(), txn.orElse())) {
      for (Op op : branch) {
        boolean readOnly = op instanceof Op.Get || (op instanceof Op.Txn t && isReadOnly(t));
        if (!readOnly) {
          return false;
        }
      }
    }
    return true;
  }

  // ---- requests: apply the namespace ----

  private PutRequest put(PutRequest r) {
    return ns.isEmpty() ? r : r.toBuilder().setKey(ns.add(r.getKey())).build();
  }

  private RangeRequest range(RangeRequest r) {
    return ns.isEmpty()
        ? r
        : r.toBuilder().setKey(ns.add(r.getKey())).setRangeEnd(ns.addEnd(r.getRangeEnd())).build();
  }

  private DeleteRangeRequest deleteRange(DeleteRangeRequest r) {
    return ns.isEmpty()
        ? r
        : r.toBuilder().setKey(ns.add(r.getKey())).setRangeEnd(ns.addEnd(r.getRangeEnd())).build();
  }

  private TxnRequest txnRequest(Op.Txn txn) {
    TxnRequest.Builder b = TxnRequest.newBuilder();
    for (Cmp cmp : txn.when()) {
      var c = cmp.toProto();
      b.addCompare(
          ns.isEmpty()
              ? c
              : c.toBuilder()
                  .setKey(ns.add(c.getKey()))
                  .setRangeEnd(ns.addEnd(c.getRangeEnd()))
                  .build());
    }
    for (Op op : txn.then()) {
      b.addSuccess(requestOp(op));
    }
    for (Op op : txn.orElse()) {
      b.addFailure(requestOp(op));
    }
    return b.build();
  }

  private RequestOp requestOp(Op op) {
    RequestOp.Builder b = RequestOp.newBuilder();
    if (op instanceof Op.Put p) {
      b.setRequestPut(put(p.options().toRequest(p.key(), p.value())));
    } else if (op instanceof Op.Get g) {
      b.setRequestRange(range(g.options().toRequest(g.key())));
    } else if (op instanceof Op.Delete d) {
      b.setRequestDeleteRange(deleteRange(d.options().toRequest(d.key())));
    } else {
      b.setRequestTxn(txnRequest((Op.Txn) op));
    }
    return b.build();
  }

  // ---- responses: strip the namespace ----

  private KeyValue kv(io.typedetcd.proto.mvccpb.KeyValue kv) {
    return KeyValue.of(ns.strip(kv));
  }

  private List<KeyValue> kvs(List<io.typedetcd.proto.mvccpb.KeyValue> list) {
    List<KeyValue> out = new ArrayList<>(list.size());
    for (var kv : list) {
      out.add(kv(kv));
    }
    return out;
  }

  private PutResponse toPut(io.typedetcd.proto.etcdserverpb.PutResponse r) {
    return new PutResponse(
        ResponseHeader.of(r.getHeader()), r.hasPrevKv() ? kv(r.getPrevKv()) : null);
  }

  private GetResponse toGet(io.typedetcd.proto.etcdserverpb.RangeResponse r) {
    return new GetResponse(
        ResponseHeader.of(r.getHeader()), kvs(r.getKvsList()), r.getMore(), r.getCount());
  }

  private DeleteResponse toDelete(io.typedetcd.proto.etcdserverpb.DeleteRangeResponse r) {
    return new DeleteResponse(
        ResponseHeader.of(r.getHeader()), r.getDeleted(), kvs(r.getPrevKvsList()));
  }

  private TxnResponse toTxn(io.typedetcd.proto.etcdserverpb.TxnResponse r) {
    List<OpResponse> responses = new ArrayList<>(r.getResponsesCount());
    for (ResponseOp op : r.getResponsesList()) {
      responses.add(
          switch (op.getResponseCase()) {
            case RESPONSE_PUT -> toPut(op.getResponsePut());
            case RESPONSE_RANGE -> toGet(op.getResponseRange());
            case RESPONSE_DELETE_RANGE -> toDelete(op.getResponseDeleteRange());
            case RESPONSE_TXN -> toTxn(op.getResponseTxn());
            case RESPONSE_NOT_SET ->
                throw new IllegalStateException("etcd sent an empty response op");
          });
    }
    return new TxnResponse(ResponseHeader.of(r.getHeader()), r.getSucceeded(), responses);
  }
}
