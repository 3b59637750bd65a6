package io.typedetcd.repository;

import com.google.protobuf.CodedOutputStream;
import io.typedetcd.client.internal.Namespace;
import io.typedetcd.client.kv.Cmp;
import io.typedetcd.client.kv.Op;
import io.typedetcd.proto.etcdserverpb.Compare;
import io.typedetcd.proto.etcdserverpb.DeleteRangeRequest;
import io.typedetcd.proto.etcdserverpb.PutRequest;
import io.typedetcd.proto.etcdserverpb.RangeRequest;
import io.typedetcd.proto.etcdserverpb.RequestOp;
import io.typedetcd.proto.etcdserverpb.TxnRequest;

/**
 * The serialized size of a transaction request, as etcd will receive it (namespace included), so
 * that a batch can be refused or split before it is sent. A {@code TxnRequest} is the concatenation
 * of its fields, so the size of a transaction is the sum of the sizes of its compares and
 * operations: parts can be measured one by one and added up.
 */
final class TxnSize {
  private TxnSize() {}

  /** Bytes a compare adds to a transaction. */
  static int of(Cmp cmp, Namespace ns) {
    return CodedOutputStream.computeMessageSize(TxnRequest.COMPARE_FIELD_NUMBER, compare(cmp, ns));
  }

  private static Compare compare(Cmp cmp, Namespace ns) {
    Compare c = cmp.toProto();
    return ns.isEmpty()
        ? c
        : c.toBuilder().setKey(ns.add(c.getKey())).setRangeEnd(ns.addEnd(c.getRangeEnd())).build();
  }

  /** Bytes an operation adds to a transaction's success (or failure) branch. */
  static int of(Op op, Namespace ns) {
    return CodedOutputStream.computeMessageSize(TxnRequest.SUCCESS_FIELD_NUMBER, request(op, ns));
  }

  private static RequestOp request(Op op, Namespace ns) {
    RequestOp.Builder b = RequestOp.newBuilder();
    if (op instanceof Op.Put p) {
      PutRequest r = p.options().toRequest(p.key(), p.value());
      b.setRequestPut(ns.isEmpty() ? r : r.toBuilder().setKey(ns.add(r.getKey())).build());
    } else if (op instanceof Op.Get g) {
      RangeRequest r = g.options().toRequest(g.key());
      b.setRequestRange(
          ns.isEmpty()
              ? r
              : r.toBuilder()
                  .setKey(ns.add(r.getKey()))
                  .setRangeEnd(ns.addEnd(r.getRangeEnd()))
                  .build());
    } else if (op instanceof Op.Delete d) {
      DeleteRangeRequest r = d.options().toRequest(d.key());
      b.setRequestDeleteRange(
          ns.isEmpty()
              ? r
              : r.toBuilder()
                  .setKey(ns.add(r.getKey()))
                  .setRangeEnd(ns.addEnd(r.getRangeEnd()))
                  .build());
    } else {
      Op.Txn t = (Op.Txn) op;
      TxnRequest.Builder tb = TxnRequest.newBuilder();
      for (Cmp c : t.when()) {
        tb.addCompare(compare(c, ns));
      }
      for (Op o : t.then()) {
        tb.addSuccess(request(o, ns));
      }
      for (Op o : t.orElse()) {
        tb.addFailure(request(o, ns));
      }
      b.setRequestTxn(tb);
    }
    return b.build();
  }
}
