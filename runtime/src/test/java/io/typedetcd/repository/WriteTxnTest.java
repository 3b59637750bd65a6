package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.RequestTooLargeException;
import io.typedetcd.client.ResponseHeader;
import io.typedetcd.client.TooManyTxnOpsException;
import io.typedetcd.client.internal.Errors;
import io.typedetcd.client.kv.Cmp;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.client.kv.GetResponse;
import io.typedetcd.client.kv.Op;
import io.typedetcd.client.kv.OpResponse;
import io.typedetcd.client.kv.PutOptions;
import io.typedetcd.client.kv.TxnResponse;
import io.typedetcd.repository.fixtures.Order;
import io.typedetcd.repository.fixtures.Order_Mapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Merging planned writes into one transaction, its limits, and explaining its failure. */
class WriteTxnTest {
  final ScriptedKv kv = new ScriptedKv();
  final EntityType<Order, Order.Id> type =
      new EntityType<>(new Order_Mapper(), new DocumentStore<>(kv, new Order_Mapper()));

  static ByteString utf8(String s) {
    return ByteString.copyFromUtf8(s);
  }

  PreparedWrite part(String id, List<Guard> guards, Op... then) {
    EntityWrite<Order, Order.Id> w = type.save(Order.of("eu", id, 1));
    List<Cmp> when = new ArrayList<>();
    guards.forEach(g -> when.add(g.cmp()));
    return new PreparedWrite(
        w, new WritePlan(w.key, 0, when, List.of(then), List.of()), guards, false);
  }

  static Guard retryable(Cmp c) {
    return new Guard(c, true, v -> new EtcdException("lost a race, now " + v, null, null));
  }

  static Op put(String key) {
    return Op.put(utf8(key), utf8("v"), PutOptions.DEFAULT);
  }

  @Test
  void sharedGuardsAreSentOnceAndATakenOverKeyIsNotDeleted() {
    Guard onU = retryable(Cmp.modRevision(utf8("/u")).equalTo(5));
    PreparedWrite a =
        part("a", List.of(onU), put("/e/a"), Op.delete(utf8("/u"), DeleteOptions.DEFAULT));
    PreparedWrite b =
        part(
            "b",
            List.of(retryable(Cmp.modRevision(utf8("/u")).equalTo(5))),
            put("/e/b"),
            put("/u"));

    WriteTxn t = WriteTxn.of(List.of(a, b), kv.context(128, 1 << 20), "test");
    assertThat(t.whenCount()).isEqualTo(1);
    assertThat(t.thenCount()).isEqualTo(3);
    assertThat(t.orElseCount()).isEqualTo(1);

    t.commit(kv.context(128, 1 << 20)).join();
    Op.Txn sent = kv.committed.get(0);
    assertThat(sent.then())
        .extracting(Op::key)
        .containsExactly(utf8("/e/a"), utf8("/e/b"), utf8("/u"));
    assertThat(sent.orElse())
        .singleElement()
        .satisfies(g -> assertThat(g.key()).isEqualTo(utf8("/u")));
  }

  @Test
  void theLimitsAreCheckedBeforeSending() {
    PreparedWrite p = part("a", List.of(), put("/e/a"), put("/e/b"), put("/e/c"));
    assertThatThrownBy(() -> WriteTxn.of(List.of(p), kv.context(2, 1 << 20), "three puts"))
        .isInstanceOf(TooManyTxnOpsException.class)
        .hasMessageStartingWith("three puts needs 3 operations in one transaction")
        .hasMessageNotContaining("chunked");
    PreparedWrite q = part("b", List.of(), put("/e/d"));
    assertThatThrownBy(() -> WriteTxn.of(List.of(p, q), kv.context(128, 20), "two"))
        .isInstanceOf(RequestTooLargeException.class)
        .hasMessageContaining("maxRequestBytes of 20")
        .hasMessageContaining("BatchOptions.chunked()");
    assertThat(kv.committed).isEmpty();
    assertThat(WriteTxn.measure(List.of(p), kv.context(2, 1 << 20)).fits(kv.context(2, 1 << 20)))
        .isFalse();
  }

  @Test
  void aFailedCallerGuardIsItsConflictAndOnlyRetryableFailuresRetry() {
    Guard insert =
        new Guard(
            Cmp.createRevision(utf8("/e/c")).equalTo(0),
            false,
            v -> new EntityExistsException("Order", "/e/c", v));
    Guard race = retryable(Cmp.modRevision(utf8("/u")).equalTo(5));
    KeyValue existing = new KeyValue(utf8("/e/c"), ByteString.EMPTY, 40, 42, 1, 0);
    kv.script = t -> failedWith(t, List.of(), List.of(existing)); // both guards fail

    WriteTxn both =
        WriteTxn.of(
            List.of(part("a", List.of(race, insert), put("/e/c"))), kv.context(128, 1 << 20), "t");
    assertThatThrownBy(() -> both.commit(kv.context(128, 1 << 20)).join())
        .satisfies(
            e ->
                assertThat(Errors.unwrap(e))
                    .isInstanceOfSatisfying(
                        EntityExistsException.class,
                        x -> assertThat(x.currentVersion()).isEqualTo(42)));

    kv.script = t -> failedWith(t, List.of(), List.of());
    WriteTxn raceOnly =
        WriteTxn.of(List.of(part("a", List.of(race), put("/e/c"))), kv.context(128, 1 << 20), "t");
    assertThatThrownBy(() -> raceOnly.commit(kv.context(128, 1 << 20)).join())
        .satisfies(
            e -> {
              Throwable t = Errors.unwrap(e);
              assertThat(t).isInstanceOf(Retries.Conflict.class);
              assertThat(((Retries.Conflict) t).fallback).hasMessage("lost a race, now 0");
            });
  }

  /** The orElse branch: the first read finds {@code first}, the second {@code second}. */
  static CompletableFuture<TxnResponse> failedWith(
      Op.Txn t, List<KeyValue> first, List<KeyValue> second) {
    ResponseHeader h = new ResponseHeader(1, 1, 50, 1);
    List<OpResponse> out = new ArrayList<>();
    for (int i = 0; i < t.orElse().size(); i++) {
      List<KeyValue> kvs = i == 0 ? first : i == 1 ? second : List.of();
      // reads are in guard order: the first guard's range first
      out.add(new GetResponse(h, kvs, false, kvs.size()));
    }
    return CompletableFuture.completedFuture(new TxnResponse(h, false, out));
  }
}
