package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.typedetcd.client.internal.Namespace;
import io.typedetcd.client.kv.Cmp;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.client.kv.Op;
import io.typedetcd.client.kv.PutOptions;
import io.typedetcd.proto.etcdserverpb.Compare;
import io.typedetcd.proto.etcdserverpb.RequestOp;
import io.typedetcd.proto.etcdserverpb.TxnRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The size of a transaction is the sum of its parts, namespace included. */
class TxnSizeTest {
  static final List<Cmp> WHEN =
      List.of(
          Cmp.modRevision("/it/a").equalTo(12345),
          Cmp.createRevision("/it/b/").withPrefix().greaterThan(0));
  static final List<Op> THEN =
      List.of(
          Op.put(utf8("/it/a"), utf8("x".repeat(300)), PutOptions.DEFAULT.withLease(7)),
          Op.delete(utf8("/it/b/"), DeleteOptions.DEFAULT.withPrefix()),
          Op.get(utf8("/it/c"), GetOptions.DEFAULT.withKeysOnly().withRangeEnd(utf8("/it/d"))));

  static ByteString utf8(String s) {
    return ByteString.copyFromUtf8(s);
  }

  /** The request as the client sends it, built independently of TxnSize. */
  static TxnRequest request(Namespace ns) {
    TxnRequest.Builder b = TxnRequest.newBuilder();
    for (Cmp c : WHEN) {
      Compare p = c.toProto();
      b.addCompare(
          p.toBuilder().setKey(ns.add(p.getKey())).setRangeEnd(ns.addEnd(p.getRangeEnd())));
    }
    Op.Put put = (Op.Put) THEN.get(0);
    var pr = put.options().toRequest(put.key(), put.value());
    b.addSuccess(RequestOp.newBuilder().setRequestPut(pr.toBuilder().setKey(ns.add(pr.getKey()))));
    Op.Delete del = (Op.Delete) THEN.get(1);
    var dr = del.options().toRequest(del.key());
    b.addSuccess(
        RequestOp.newBuilder()
            .setRequestDeleteRange(
                dr.toBuilder()
                    .setKey(ns.add(dr.getKey()))
                    .setRangeEnd(ns.addEnd(dr.getRangeEnd()))));
    Op.Get get = (Op.Get) THEN.get(2);
    var gr = get.options().toRequest(get.key());
    b.addFailure(
        RequestOp.newBuilder()
            .setRequestRange(
                gr.toBuilder()
                    .setKey(ns.add(gr.getKey()))
                    .setRangeEnd(ns.addEnd(gr.getRangeEnd()))));
    return b.build();
  }

  static int measured(Namespace ns) {
    int size = 0;
    for (Cmp c : WHEN) {
      size += TxnSize.of(c, ns);
    }
    for (Op op : THEN) {
      size += TxnSize.of(op, ns);
    }
    return size;
  }

  @Test
  void partsAddUpToTheRequestSize() {
    assertThat(measured(Namespace.NONE)).isEqualTo(request(Namespace.NONE).getSerializedSize());
    Namespace ns = Namespace.of("/tenant-with-a-long-name/");
    assertThat(measured(ns)).isEqualTo(request(ns).getSerializedSize());
    assertThat(measured(ns)).isGreaterThan(measured(Namespace.NONE));
  }

  @Test
  void aNestedTransactionCountsItsOwnParts() {
    Op nested = Op.txn(WHEN, THEN.subList(0, 2), THEN.subList(2, 3));
    Namespace ns = Namespace.of("/ns/");
    TxnRequest inner = request(ns);
    TxnRequest outer =
        TxnRequest.newBuilder().addSuccess(RequestOp.newBuilder().setRequestTxn(inner)).build();
    assertThat(TxnSize.of(nested, ns)).isEqualTo(outer.getSerializedSize());
  }
}
