package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.UnavailableException;
import io.typedetcd.client.kv.Op;
import io.typedetcd.client.kv.TxnResponse;
import io.typedetcd.repository.fixtures.Order;
import io.typedetcd.repository.fixtures.Order_Mapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** How chunks are cut, and how a failure of one chunk affects the next ones. */
class ChunkedWritesTest {
  final ScriptedKv kv = new ScriptedKv();
  final EntityType<Order, Order.Id> type =
      new EntityType<>(new Order_Mapper(), new DocumentStore<>(kv, new Order_Mapper()));
  // an insert of an Order is 1 compare, 1 put, 1 read: two per transaction of 2 ops
  final TxnContext ctx = kv.context(2, 1 << 20);

  List<EntityWrite<Order, Order.Id>> inserts(int n) {
    List<EntityWrite<Order, Order.Id>> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(type.save(Order.of("eu", "o" + i, i)));
    }
    return out;
  }

  BatchResult<Order> run(int n, BatchOptions options) {
    return ChunkedWrites.run(ctx, inserts(n), options, EntityWrite::saved).join();
  }

  /** Answers the {@code k}-th commit (from 0) with {@code answer}, the others succeed. */
  void onCommit(int k, Function<Op.Txn, CompletableFuture<TxnResponse>> answer) {
    AtomicInteger n = new AtomicInteger();
    kv.script = t -> n.getAndIncrement() == k ? answer.apply(t) : kv.succeed(t);
  }

  @Test
  void chunksAreConsecutiveItemsUnderTheLimits() {
    BatchResult<Order> r = run(5, BatchOptions.chunked());
    assertThat(r.chunks())
        .extracting(BatchResult.Chunk::from, BatchResult.Chunk::to)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 2),
            org.assertj.core.groups.Tuple.tuple(2, 4),
            org.assertj.core.groups.Tuple.tuple(4, 5));
    assertThat(r.allApplied()).isTrue();
    assertThat(r.results()).hasSize(5);
    assertThat(kv.committed).hasSize(3).allMatch(t -> t.then().size() <= 2);

    kv.committed.clear();
    assertThat(run(5, BatchOptions.chunked().withMaxChunkItems(1)).chunks()).hasSize(5);
  }

  @Test
  void aConflictFailsOneChunkAndTheBatchGoesOn() {
    KeyValue exists =
        new KeyValue(ByteString.copyFromUtf8("/it/orders/eu/o2"), ByteString.EMPTY, 7, 9, 1, 0);
    onCommit(1, t -> WriteTxnTest.failedWith(t, List.of(exists), List.of()));

    BatchResult<Order> r = run(5, BatchOptions.chunked());
    assertThat(r.chunks())
        .extracting(BatchResult.Chunk::status)
        .containsExactly(
            BatchResult.Status.APPLIED, BatchResult.Status.FAILED, BatchResult.Status.APPLIED);
    assertThat(r.failed().get(0).failure())
        .isInstanceOfSatisfying(
            EntityExistsException.class, e -> assertThat(e.currentVersion()).isEqualTo(9));
    assertThat(r.results()).extracting(Order::id).containsExactly("o0", "o1", "o4");
  }

  @Test
  void anyOtherFailureStopsTheBatch() {
    onCommit(1, t -> CompletableFuture.failedFuture(new UnavailableException("down", null, null)));

    BatchResult<Order> r = run(5, BatchOptions.chunked());
    assertThat(r.chunks())
        .extracting(BatchResult.Chunk::status)
        .containsExactly(
            BatchResult.Status.APPLIED,
            BatchResult.Status.FAILED,
            BatchResult.Status.NOT_ATTEMPTED);
    assertThat(r.failed().get(0).failure()).isInstanceOf(UnavailableException.class);
    assertThat(r.chunks().get(2).failure()).isNull();
    assertThat(kv.committed).hasSize(2);
    assertThat(r.allApplied()).isFalse();
  }

  @Test
  void aRetryableFailureRetriesTheChunkOnly() {
    AtomicInteger n = new AtomicInteger();
    // the first commit of chunk 0 loses a race on a guard it read itself
    EntityType<Order, Order.Id> t = type;
    List<EntityWrite<Order, Order.Id>> writes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      writes.add(t.update(new Order.Id("eu", "o" + i), o -> o.withQuantity(o.quantity() + 1)));
    }
    KeyValue o0 =
        new KeyValue(
            ByteString.copyFromUtf8("/it/orders/eu/o0"),
            ByteString.copyFromUtf8("{\"quantity\":1}"),
            3,
            4,
            1,
            0);
    KeyValue o1 =
        new KeyValue(
            ByteString.copyFromUtf8("/it/orders/eu/o1"),
            ByteString.copyFromUtf8("{\"quantity\":1}"),
            3,
            4,
            1,
            0);
    kv.script =
        txn -> {
          boolean reads = txn.when().isEmpty();
          if (reads) {
            return CompletableFuture.completedFuture(
                new TxnResponse(
                    new io.typedetcd.client.ResponseHeader(1, 1, 10, 1),
                    true,
                    List.of(
                        new io.typedetcd.client.kv.GetResponse(
                            new io.typedetcd.client.ResponseHeader(1, 1, 10, 1),
                            List.of(o0),
                            false,
                            1),
                        new io.typedetcd.client.kv.GetResponse(
                            new io.typedetcd.client.ResponseHeader(1, 1, 10, 1),
                            List.of(o1),
                            false,
                            1))));
          }
          return n.getAndIncrement() == 0
              ? WriteTxnTest.failedWith(txn, List.of(), List.of())
              : kv.succeed(txn);
        };
    BatchResult<Order> r =
        ChunkedWrites.run(
                kv.context(128, 1 << 20), writes, BatchOptions.chunked(), EntityWrite::saved)
            .join();
    assertThat(r.allApplied()).isTrue();
    assertThat(r.results()).extracting(Order::quantity).containsExactly(2, 2);
    assertThat(n.get()).isEqualTo(2);
  }
}
