package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.typedetcd.client.CompactedException;
import io.typedetcd.proto.etcdserverpb.RangeRequest;
import io.typedetcd.repository.fixtures.ServiceConfig;
import io.typedetcd.repository.fixtures.ServiceConfig_Mapper;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The paging logic of prefix reads, over a fake KV: limits, snapshots, compaction retries. */
class EntityStoreTest {
  static final ByteString PROD = ByteString.copyFromUtf8("/it/config/prod/");

  FakeKv kv;
  FieldsStore<ServiceConfig, ServiceConfig.Id> store;

  @BeforeEach
  void data() {
    kv = new FakeKv();
    for (String s : List.of("a", "b", "c", "d")) {
      entity(s);
    }
    for (int i = 0; i < 20; i++) {
      kv.with("/it/config/prod/b/extra" + i, "x"); // b spans several pages
    }
    kv.with("/it/config/prod2/z/host", "h");
    store = new FieldsStore<>(kv, new ServiceConfig_Mapper());
  }

  void entity(String service) {
    kv.with("/it/config/prod/" + service + "/host", "h-" + service);
    kv.with("/it/config/prod/" + service + "/port", "80");
    kv.with("/it/config/prod/" + service + "/enabled", "true");
  }

  static List<String> services(List<ServiceConfig> found) {
    return found.stream().map(ServiceConfig::service).toList();
  }

  @Test
  void aLimitCountsEntitiesAndReadsOnUntilTheLastOneIsComplete() {
    List<ServiceConfig> found = store.findByPrefix(PROD, 2, false).join();

    assertThat(services(found)).containsExactly("a", "b");
    assertThat(found.get(1).host()).isEqualTo("h-b");
    assertThat(kv.requests).hasSizeGreaterThan(1);
    // one key per property of 2 entities, plus one to see where the second one ends
    assertThat(kv.requests).allMatch(r -> r.getLimit() == 2 * 5 + 1);
    assertThat(kv.requests.get(0).getRevision()).isZero();
    assertThat(kv.requests.subList(1, kv.requests.size()))
        .allMatch(r -> r.getRevision() == FakeKv.REVISION);
  }

  @Test
  void descendingLimitsPageBackwards() {
    List<ServiceConfig> found = store.findByPrefix(PROD, 3, true).join();

    assertThat(services(found)).containsExactly("d", "c", "b");
    assertThat(kv.requests).allMatch(r -> r.getSortOrder() == RangeRequest.SortOrder.DESCEND);
    // the first page ends at the prefix end; the next one at the last key of the first (in b)
    assertThat(kv.requests.get(0).getRangeEnd().toStringUtf8()).isEqualTo("/it/config/prod0");
    assertThat(kv.requests.get(1).getRangeEnd().toStringUtf8()).startsWith("/it/config/prod/b/");
    assertThat(kv.requests).allMatch(r -> r.getKey().equals(PROD));
  }

  @Test
  void unlimitedReadsAreOneRange() {
    assertThat(services(store.findByPrefix(PROD, 0, false).join()))
        .containsExactly("a", "b", "c", "d");
    assertThat(kv.requests).hasSize(1);
    assertThat(kv.requests.get(0).getLimit()).isZero();
  }

  @Test
  void aSnapshotCompactedBetweenPagesIsRetakenOnce() {
    AtomicInteger failures = new AtomicInteger();
    kv.fail = r -> r.getRevision() != 0 && failures.getAndIncrement() == 0 ? compacted() : null;

    assertThat(services(store.findByPrefix(PROD, 2, false).join())).containsExactly("a", "b");
    assertThat(kv.requests.stream().filter(r -> r.getRevision() == 0)).hasSize(2);
  }

  @Test
  void aSnapshotCompactedOverAndOverFailsTyped() {
    kv.fail = r -> r.getRevision() != 0 ? compacted() : null;

    assertThatThrownBy(() -> store.findByPrefix(PROD, 2, false).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(CompactedException.class);
    assertThat(kv.requests.stream().filter(r -> r.getRevision() == 0)).hasSize(4);
  }

  @Test
  void countsDistinctEntitiesWithKeysOnlyReads() {
    kv.with("/it/config/prod/loose", "no property part");
    assertThat(store.countByPrefix(PROD).join()).isEqualTo(5);
    assertThat(kv.requests).allMatch(RangeRequest::getKeysOnly);
  }

  @Test
  void mapperFailuresBecomeMappingExceptionsNamingTheKey() {
    kv.with("/it/config/prod/%zz/host", "h");
    assertThatThrownBy(() -> store.findByPrefix(PROD, 0, false).join())
        .hasCauseInstanceOf(MappingException.class)
        .hasMessageContaining("/it/config/prod/%zz");
  }

  static CompactedException compacted() {
    return new CompactedException("compacted", null, 8, null);
  }
}
