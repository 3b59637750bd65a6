package io.typedetcd.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.typedetcd.client.kv.Cmp;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.client.kv.DeleteResponse;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.client.kv.GetResponse;
import io.typedetcd.client.kv.KV;
import io.typedetcd.client.kv.Op;
import io.typedetcd.client.kv.PutOptions;
import io.typedetcd.client.kv.PutResponse;
import io.typedetcd.client.kv.SortOrder;
import io.typedetcd.client.kv.SortTarget;
import io.typedetcd.client.kv.TxnResponse;
import io.typedetcd.testing.EtcdExtension;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

class KvIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static EtcdClient client;
  static KV kv;
  String p; // a fresh key prefix per test

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    kv = client.kv();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void prefix(TestInfo info) {
    p = "/" + info.getTestMethod().orElseThrow().getName() + "/";
  }

  @Test
  void putThenGetReturnsValueAndRevisions() {
    PutResponse put = Blocking.get(kv.put(p + "a", "1"));
    GetResponse got = Blocking.get(kv.get(p + "a"));

    assertThat(got.kvs()).hasSize(1);
    KeyValue kv0 = got.kvs().get(0);
    assertThat(kv0.key()).isEqualTo(p + "a");
    assertThat(kv0.value()).isEqualTo("1");
    assertThat(kv0.modRevision()).isEqualTo(put.header().revision());
    assertThat(kv0.createRevision()).isEqualTo(put.header().revision());
    assertThat(kv0.version()).isEqualTo(1);
    assertThat(got.count()).isEqualTo(1);
  }

  @Test
  void putWithPrevKvReturnsTheReplacedValue() {
    Blocking.get(kv.put(p + "a", "old"));
    PutResponse r = Blocking.get(kv.put(p + "a", "new", PutOptions.DEFAULT.withPrevKv()));
    assertThat(r.previous()).map(KeyValue::value).contains("old");
    assertThat(Blocking.get(kv.put(p + "b", "x", PutOptions.DEFAULT.withPrevKv())).previous())
        .isEmpty();
  }

  @Test
  void bytesRoundTripUnchanged() {
    ByteString key = ByteString.copyFrom(new byte[] {'/', 'b', 0, (byte) 0xff});
    ByteString value = ByteString.copyFrom(new byte[] {0, 1, 2, (byte) 0x80});
    Blocking.get(kv.put(key, value, PutOptions.DEFAULT));
    assertThat(Blocking.get(kv.get(key, GetOptions.DEFAULT)).kvs().get(0).valueBytes())
        .isEqualTo(value);
  }

  @Test
  void prefixReadDoesNotReturnSiblingPrefix() {
    Blocking.get(kv.put(p + "users/1", "a"));
    Blocking.get(kv.put(p + "users/2", "b"));
    Blocking.get(kv.put(p + "users2/1", "c"));

    GetResponse r = Blocking.get(kv.get(p + "users/", GetOptions.DEFAULT.withPrefix()));
    assertThat(r.kvs()).extracting(KeyValue::value).containsExactly("a", "b");
  }

  @Test
  void rangeFromKeyLimitSortAndCount() {
    for (String k : List.of("a", "b", "c", "d")) {
      Blocking.get(kv.put(p + k, k));
    }
    GetResponse range = Blocking.get(kv.get(p + "b", GetOptions.DEFAULT.withRangeEnd(p + "d")));
    assertThat(range.kvs()).extracting(KeyValue::value).containsExactly("b", "c");

    GetResponse limited =
        Blocking.get(
            kv.get(
                p,
                GetOptions.DEFAULT
                    .withPrefix()
                    .withLimit(2)
                    .withSort(SortTarget.KEY, SortOrder.DESCEND)));
    assertThat(limited.kvs()).extracting(KeyValue::value).containsExactly("d", "c");
    assertThat(limited.more()).isTrue();
    assertThat(limited.count()).isEqualTo(4);

    GetResponse counted = Blocking.get(kv.get(p, GetOptions.DEFAULT.withPrefix().withCountOnly()));
    assertThat(counted.kvs()).isEmpty();
    assertThat(counted.count()).isEqualTo(4);

    GetResponse keysOnly =
        Blocking.get(kv.get(p, GetOptions.DEFAULT.withPrefix().withKeysOnly().withSerializable()));
    assertThat(keysOnly.kvs()).extracting(KeyValue::value).containsOnly("");
    assertThat(keysOnly.kvs()).hasSize(4);

    GetResponse fromKey = Blocking.get(kv.get(p + "c", GetOptions.DEFAULT.withFromKey()));
    assertThat(fromKey.kvs()).extracting(KeyValue::key).startsWith(p + "c", p + "d");
  }

  @Test
  void readAtOldRevisionAndRevisionFilters() {
    long first = Blocking.get(kv.put(p + "a", "1")).header().revision();
    long second = Blocking.get(kv.put(p + "a", "2")).header().revision();
    Blocking.get(kv.put(p + "b", "3"));

    assertThat(Blocking.get(kv.get(p + "a", GetOptions.DEFAULT.withRevision(first))).kvs())
        .extracting(KeyValue::value)
        .containsExactly("1");
    assertThat(
            Blocking.get(kv.get(p, GetOptions.DEFAULT.withPrefix().withMinModRevision(second + 1)))
                .kvs())
        .extracting(KeyValue::key)
        .containsExactly(p + "b");
    assertThat(
            Blocking.get(kv.get(p, GetOptions.DEFAULT.withPrefix().withMaxCreateRevision(first)))
                .kvs())
        .extracting(KeyValue::key)
        .containsExactly(p + "a");
  }

  @Test
  void deletePrefixWithPrevKv() {
    Blocking.get(kv.put(p + "x/1", "a"));
    Blocking.get(kv.put(p + "x/2", "b"));
    Blocking.get(kv.put(p + "y", "c"));

    DeleteResponse r =
        Blocking.get(kv.delete(p + "x/", DeleteOptions.DEFAULT.withPrefix().withPrevKv()));
    assertThat(r.deleted()).isEqualTo(2);
    assertThat(r.prevKvs()).extracting(KeyValue::value).containsExactly("a", "b");
    assertThat(Blocking.get(kv.get(p, GetOptions.DEFAULT.withPrefix())).kvs())
        .extracting(KeyValue::key)
        .containsExactly(p + "y");
  }

  @Test
  void txnTakesThenBranchWhenComparisonsHold() {
    Blocking.get(kv.put(p + "flag", "on"));
    TxnResponse r =
        Blocking.get(
            kv.txn()
                .when(Cmp.value(p + "flag").equalTo("on"), Cmp.createRevision(p + "new").equalTo(0))
                .then(Op.put(p + "new", "created"), Op.get(p + "flag"))
                .orElse(Op.get(p + "new"))
                .commit());
    assertThat(r.succeeded()).isTrue();
    assertThat(r.getResponse(1).kvs().get(0).value()).isEqualTo("on");
    assertThat(Blocking.get(kv.get(p + "new")).kvs().get(0).value()).isEqualTo("created");
  }

  @Test
  void txnTakesElseBranchAndRunsNestedTxn() {
    long rev = Blocking.get(kv.put(p + "k", "1")).header().revision();
    Blocking.get(kv.put(p + "k", "2"));
    TxnResponse r =
        Blocking.get(
            kv.txn()
                .when(Cmp.modRevision(p + "k").equalTo(rev))
                .then(Op.put(p + "k", "lost update"))
                .orElse(
                    Op.get(p + "k"),
                    Op.txn(
                        List.of(Cmp.version(p + "k").greaterThan(1)),
                        List.of(Op.put(p + "nested", "yes")),
                        List.of()))
                .commit());
    assertThat(r.succeeded()).isFalse();
    assertThat(r.getResponse(0).kvs().get(0).value()).isEqualTo("2");
    assertThat(r.txnResponse(1).succeeded()).isTrue();
    assertThat(Blocking.get(kv.get(p + "nested")).first()).map(KeyValue::value).contains("yes");
  }

  @Test
  void executeRunsASingleOp() {
    Blocking.get(kv.execute(Op.put(p + "a", "1")));
    assertThat(((GetResponse) Blocking.get(kv.execute(Op.get(p + "a")))).kvs()).hasSize(1);
  }

  @Test
  void tooManyTxnOpsIsRefusedBeforeSending() {
    Op[] ops = new Op[129];
    for (int i = 0; i < ops.length; i++) {
      ops[i] = Op.put(p + i, "v");
    }
    assertThatThrownBy(() -> Blocking.get(kv.txn().then(ops).commit()))
        .isInstanceOf(TooManyTxnOpsException.class)
        .hasMessageContaining("129")
        .hasMessageContaining("128");
  }

  @Test
  void oversizedValueIsRefusedBeforeSending() {
    String big = "x".repeat(2 * 1024 * 1024);
    assertThatThrownBy(() -> Blocking.get(kv.put(p + "big", big)))
        .isInstanceOf(RequestTooLargeException.class)
        .hasMessageContaining(p + "big")
        .hasMessageContaining("1572864");
  }

  @Test
  void compactionMakesOldRevisionsUnreadable() {
    long old = Blocking.get(kv.put(p + "a", "1")).header().revision();
    long now = Blocking.get(kv.put(p + "a", "2")).header().revision();
    Blocking.get(kv.compact(now, true));

    assertThatThrownBy(() -> Blocking.get(kv.get(p + "a", GetOptions.DEFAULT.withRevision(old))))
        .isInstanceOf(CompactedException.class)
        .hasMessageContaining(p + "a");
  }

  @Test
  void valuesWrittenByUsAreReadByEtcdctlAndTheReverse() {
    Blocking.get(kv.put(p + "ours", "from typed-etcd"));
    assertThat(etcd.etcdctl("get", p + "ours", "--print-value-only").trim())
        .isEqualTo("from typed-etcd");

    etcd.etcdctl("put", p + "theirs", "from etcdctl");
    assertThat(Blocking.get(kv.get(p + "theirs")).first())
        .map(KeyValue::value)
        .contains("from etcdctl");
  }

  @Test
  void namespaceIsAddedAndStrippedEverywhere() {
    try (EtcdClient scoped =
        EtcdClient.builder().endpoints(etcd.endpoint()).namespace(p + "ns/").build()) {
      KV nkv = scoped.kv();
      Blocking.get(nkv.put("a", "1"));
      Blocking.get(nkv.put("b", "2"));
      assertThat(Blocking.get(kv.get(p + "ns/a")).first()).map(KeyValue::value).contains("1");

      assertThat(Blocking.get(nkv.get("", GetOptions.DEFAULT.withPrefix())).kvs())
          .extracting(KeyValue::key)
          .containsExactly("a", "b");
      assertThat(Blocking.get(nkv.get("a", GetOptions.DEFAULT.withFromKey())).kvs())
          .extracting(KeyValue::key)
          .containsExactly("a", "b");
      PutResponse prev = Blocking.get(nkv.put("a", "3", PutOptions.DEFAULT.withPrevKv()));
      assertThat(prev.previous()).map(KeyValue::key).contains("a");

      TxnResponse t =
          Blocking.get(
              nkv.txn()
                  .when(Cmp.value("a").equalTo("3"))
                  .then(Op.get("", GetOptions.DEFAULT.withPrefix()))
                  .commit());
      assertThat(t.succeeded()).isTrue();
      assertThat(t.getResponse(0).kvs()).extracting(KeyValue::key).containsExactly("a", "b");

      DeleteResponse d =
          Blocking.get(nkv.delete("", DeleteOptions.DEFAULT.withPrefix().withPrevKv()));
      assertThat(d.prevKvs()).extracting(KeyValue::key).containsExactly("a", "b");
    }
    Blocking.get(kv.put(p + "outside", "untouched"));
    assertThat(Blocking.get(kv.get(p + "outside")).kvs()).hasSize(1);
  }

  @Test
  void badEndpointIsRejectedWhenBuilding() {
    assertThatThrownBy(() -> EtcdClient.builder().endpoints("127.0.0.1:2379"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("127.0.0.1:2379");
  }

  @Test
  void dialTimeoutNamesTheEndpoints() {
    assertThatThrownBy(
            () ->
                EtcdClient.builder()
                    .endpoints("http://127.0.0.1:1")
                    .dialTimeout(java.time.Duration.ofMillis(300))
                    .build())
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("http://127.0.0.1:1");
  }
}
