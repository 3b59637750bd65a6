package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.ResponseHeader;
import io.typedetcd.client.watch.WatchBatch;
import io.typedetcd.client.watch.WatchEvent;
import io.typedetcd.proto.etcdserverpb.RangeRequest;
import io.typedetcd.repository.EntityEvent.Created;
import io.typedetcd.repository.EntityEvent.DecodeFailed;
import io.typedetcd.repository.EntityEvent.Deleted;
import io.typedetcd.repository.EntityEvent.Updated;
import io.typedetcd.repository.fixtures.ServiceConfig;
import io.typedetcd.repository.fixtures.ServiceConfig_Mapper;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * FIELDS watch batches become one typed event per entity per revision, decoded from the entity's
 * keys read at that revision (a fake KV holds that state: every key at mod revision 5).
 */
class FieldsEventsTest {
  static KeyValue kv(String key, String value, long mod) {
    return new KeyValue(
        ByteString.copyFromUtf8(key), ByteString.copyFromUtf8(value), mod, mod, 1, 0);
  }

  static WatchEvent put(String key, String value, long rev, @Nullable KeyValue prev) {
    return new WatchEvent(WatchEvent.Type.PUT, kv(key, value, rev), prev);
  }

  static WatchEvent delete(String key, long rev, KeyValue prev) {
    return new WatchEvent(WatchEvent.Type.DELETE, kv(key, "", rev), prev);
  }

  static ServiceConfig config(String service, String host, int port, long version) {
    return new ServiceConfig("prod", service, host, port, true, null, null, version);
  }

  @Test
  void keysOfOneTransactionMakeOneEventPerEntityInOrderOfTheirFirstKey() {
    FakeKv kv = new FakeKv();
    kv.with("/it/config/prod/a/host", "h-new")
        .with("/it/config/prod/a/port", "81")
        .with("/it/config/prod/a/enabled", "true");
    kv.with("/it/config/prod/c/host", "h-c")
        .with("/it/config/prod/c/port", "82")
        .with("/it/config/prod/c/enabled", "true");
    String b = "/it/config/prod/b/";
    WatchBatch batch =
        new WatchBatch(
            new ResponseHeader(1, 1, 8, 1),
            List.of(
                put("/it/config/prod/a/port", "81", 7, kv("/it/config/prod/a/port", "80", 3)),
                delete(b + "host", 7, kv(b + "host", "h-b", 4)),
                put("/it/config/prod/a/host", "h-new", 7, kv("/it/config/prod/a/host", "h", 3)),
                put("/it/config/stray", "x", 7, null),
                delete(b + "port", 7, kv(b + "port", "90", 4)),
                delete(b + "enabled", 7, kv(b + "enabled", "true", 4)),
                put("/it/config/prod/c/host", "h-c", 8, null),
                put("/it/config/prod/c/port", "82", 8, null),
                put("/it/config/prod/c/enabled", "true", 8, null)));
    FieldsStore<ServiceConfig, ServiceConfig.Id> store =
        new FieldsStore<>(kv, new ServiceConfig_Mapper());

    List<EntityEvent<ServiceConfig, ServiceConfig.Id>> events =
        EventDecoder.of(store).decode(batch).join();

    assertThat(events).hasSize(4);
    assertThat(events.get(0))
        .isEqualTo(new Updated<>(config("a", "h", 80, 5), config("a", "h-new", 81, 5), 7));
    assertThat(events.get(1))
        .isEqualTo(new Deleted<>(new ServiceConfig.Id("prod", "b"), config("b", "h-b", 90, 4), 7));
    assertThat(events.get(2))
        .isInstanceOfSatisfying(
            DecodeFailed.class,
            f -> {
              assertThat(f.key()).isEqualTo("/it/config/stray");
              assertThat(f.revision()).isEqualTo(7);
            });
    assertThat(events.get(3)).isEqualTo(new Created<>(config("c", "h-c", 82, 5), 8));
    // One read per entity change, each at its own revision.
    assertThat(kv.requests)
        .extracting(RangeRequest::getRevision, r -> r.getKey().toStringUtf8())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(7L, "/it/config/prod/a/"),
            org.assertj.core.groups.Tuple.tuple(7L, "/it/config/prod/b/"),
            org.assertj.core.groups.Tuple.tuple(8L, "/it/config/prod/c/"));
  }
}
