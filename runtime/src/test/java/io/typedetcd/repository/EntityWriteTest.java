package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.ResponseHeader;
import io.typedetcd.client.kv.GetResponse;
import io.typedetcd.client.kv.Op;
import io.typedetcd.client.kv.OpResponse;
import io.typedetcd.client.kv.TxnResponse;
import io.typedetcd.repository.fixtures.Stock;
import io.typedetcd.repository.fixtures.Stock_Mapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Planning entity writes from what they read, over a scripted store. */
class EntityWriteTest {
  final ScriptedKv kv = new ScriptedKv();
  final TxnContext ctx = kv.context(128, 1 << 20);
  final EntityType<Stock, String> type =
      new EntityType<>(new Stock_Mapper(), new DocumentStore<>(kv, new Stock_Mapper()));

  /** Serves read-only transactions from {@code stored} (single keys), commits others. */
  void store(Map<String, String> stored) {
    kv.script =
        t -> {
          if (!t.when().isEmpty() || t.then().stream().anyMatch(op -> !(op instanceof Op.Get))) {
            return kv.succeed(t);
          }
          ResponseHeader h = new ResponseHeader(1, 1, 20, 1);
          List<OpResponse> out = new ArrayList<>();
          for (Op op : t.then()) {
            String value = stored.get(op.key().toStringUtf8());
            List<KeyValue> kvs =
                value == null
                    ? List.of()
                    : List.of(new KeyValue(op.key(), ByteString.copyFromUtf8(value), 5, 10, 1, 0));
            out.add(new GetResponse(h, kvs, false, kvs.size()));
          }
          return CompletableFuture.completedFuture(new TxnResponse(h, true, out));
        };
  }

  @Test
  void aConditionalDeleteOfAnEntityThatNoLongerMatchesWritesNothing() {
    store(
        Map.of(
            "/it/stock/s1", "{\"available\":1,\"warehouse\":\"w2\",\"barcode\":\"b\"}",
            "/it/stock%uniq/barcode/b", "/it/stock/s1"));
    EntityWrite<Stock, String> w = type.deleteById("s1").onlyIf(s -> "w1".equals(s.warehouse()));

    List<PreparedWrite> parts = Writes.prepare(ctx, List.of(w), true).join();
    assertThat(parts.get(0).plan().then()).isEmpty();
    // still guarded on the version read: a change back to w1 makes it retry
    assertThat(parts.get(0).guards())
        .singleElement()
        .satisfies(g -> assertThat(g.retryable()).isTrue());
    Writes.one(ctx, w).join();
    assertThat(w.existed()).isFalse();

    EntityWrite<Stock, String> matching =
        type.deleteById("s1").onlyIf(s -> "w2".equals(s.warehouse()));
    Writes.one(ctx, matching).join();
    assertThat(matching.existed()).isTrue();
    Op.Txn sent = kv.committed.get(kv.committed.size() - 1);
    assertThat(sent.then())
        .extracting(op -> op.key().toStringUtf8())
        .containsExactly(
            "/it/stock/s1", "/it/stock%idx/warehouse/w2/s1", "/it/stock%uniq/barcode/b");
  }

  @Test
  void aSaveReadsItsOldIndexValuesAndGuardsOnThem() {
    store(
        Map.of(
            "/it/stock/s1", "{\"available\":1,\"warehouse\":\"w1\",\"barcode\":\"old\"}",
            "/it/stock%uniq/barcode/old", "/it/stock/s1"));
    Stock s = new Stock("s1", 2, "w2", "new", 10);

    PreparedWrite p = Writes.prepare(ctx, List.of(type.save(s)), true).join().get(0);
    assertThat(p.plan().when())
        .extracting(Object::toString)
        .containsExactly(
            "MOD(/it/stock/s1) EQUAL 10",
            "MOD(/it/stock%uniq/barcode/new) EQUAL 0",
            "MOD(/it/stock%uniq/barcode/old) EQUAL 10");
    assertThat(p.plan().then())
        .extracting(op -> op.getClass().getSimpleName() + " " + op.key().toStringUtf8())
        .containsExactly(
            "Put /it/stock/s1",
            "Put /it/stock%idx/warehouse/w2/s1",
            "Delete /it/stock%idx/warehouse/w1/s1",
            "Put /it/stock%uniq/barcode/new",
            "Delete /it/stock%uniq/barcode/old");
    assertThat(p.guards().get(0).retryable()).isFalse(); // the caller's version
    assertThat(p.guards().get(1).retryable()).isTrue();
  }

  @Test
  void aPlanTransformReachesEveryPutOfTheWriteIndexKeysIncluded() {
    store(Map.of());
    EntityWrite<Stock, String> w =
        type.save(Stock.of("s1", 1, "w1", "b1"))
            .finishPlan(
                p -> {
                  List<Op> then = new ArrayList<>();
                  for (Op op : p.then()) {
                    then.add(
                        op instanceof Op.Put put
                            ? Op.put(put.key(), put.value(), put.options().withLease(7))
                            : op);
                  }
                  return new WritePlan(p.key(), p.version(), p.when(), then, p.orElse());
                });
    Writes.one(ctx, w).join();
    Op.Txn sent = kv.committed.get(kv.committed.size() - 1);
    assertThat(sent.then()).hasSize(3);
    assertThat(sent.then())
        .allSatisfy(
            op ->
                assertThat(((Op.Put) op).options().toRequest(op.key(), ByteString.EMPTY).getLease())
                    .isEqualTo(7));
  }
}
