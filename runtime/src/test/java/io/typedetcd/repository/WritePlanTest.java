package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.typedetcd.client.kv.Cmp;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.client.kv.Op;
import io.typedetcd.client.kv.PutOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A save plan attached to a lease: every put carries it, nothing else changes. */
class WritePlanTest {
  static final ByteString K = ByteString.copyFromUtf8("/it/orders/eu/a");

  static long leaseOf(Op op) {
    Op.Put p = (Op.Put) op;
    return p.options().toRequest(p.key(), p.value()).getLease();
  }

  @Test
  void everyPutOfThePlanIncludingNestedOnesCarriesTheLease() {
    Op.Put entity = Op.put(K, ByteString.copyFromUtf8("{}"), PutOptions.DEFAULT.withPrevKv());
    Op.Put index =
        Op.put(
            ByteString.copyFromUtf8("/it/orders%idx/q/1/eu/a"),
            ByteString.EMPTY,
            PutOptions.DEFAULT);
    Op.Delete stale =
        Op.delete(ByteString.copyFromUtf8("/it/orders%idx/q/0/eu/a"), DeleteOptions.DEFAULT);
    Op.Txn nested = Op.txn(List.of(Cmp.version(K).equalTo(0)), List.of(index), List.of(stale));
    Op.Get read = Op.get(K, GetOptions.DEFAULT);
    WritePlan plan =
        new WritePlan(
            K,
            3,
            List.of(Cmp.modRevision(K).equalTo(3)),
            List.of(entity, stale, nested),
            List.of(read));

    WritePlan leased = plan.withLease(77);

    assertThat(leaseOf(leased.then().get(0))).isEqualTo(77);
    assertThat(((Op.Put) leased.then().get(0)).options().toRequest(K, ByteString.EMPTY).getPrevKv())
        .isTrue();
    assertThat(leased.then().get(1)).isEqualTo(stale);
    Op.Txn t = (Op.Txn) leased.then().get(2);
    assertThat(leaseOf(t.then().get(0))).isEqualTo(77);
    assertThat(t.orElse()).containsExactly(stale);
    assertThat(t.when()).isEqualTo(nested.when());
    assertThat(leased.when()).isEqualTo(plan.when());
    assertThat(leased.orElse()).isEqualTo(plan.orElse());
    assertThat(leased.key()).isEqualTo(K);
    assertThat(leased.version()).isEqualTo(3);
    assertThat(plan.withLease(0)).isSameAs(plan);
  }
}
