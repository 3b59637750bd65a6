package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.CompactedException;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.kv.Op;
import io.typedetcd.client.kv.PutOptions;
import io.typedetcd.client.kv.Txn;
import io.typedetcd.repository.fixtures.Account;
import io.typedetcd.repository.fixtures.AccountRepository;
import io.typedetcd.repository.fixtures.Account_Mapper;
import io.typedetcd.repository.fixtures.ServiceConfig;
import io.typedetcd.repository.fixtures.ServiceConfigRepository;
import io.typedetcd.testing.EtcdExtension;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Streams page lazily through large sets at one revision, holding one page at a time. */
class RepositoryStreamIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static final int ACCOUNTS = 10_000;

  static EtcdClient client;
  static AccountRepository accounts;
  static ServiceConfigRepository configs;

  /** One page read: its key count, revision, and entities still buffered when it was read. */
  record Page(int keys, long revision, int buffered) {}

  final List<Page> pages = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void fill() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    accounts = Repositories.create(AccountRepository.class, client);
    configs = Repositories.create(ServiceConfigRepository.class, client);
    // Written raw, 100 per transaction, to keep the set-up fast; the values are the mapper's.
    Account_Mapper mapper = new Account_Mapper();
    for (int batch = 0; batch < ACCOUNTS / 100; batch++) {
      Txn txn = client.kv().txn();
      for (int i = batch * 100; i < (batch + 1) * 100; i++) {
        Account a = new Account(i, "owner" + i, i * 10L);
        txn.then(Op.put(mapper.key(a.getNumber()), mapper.encode(a), PutOptions.DEFAULT));
      }
      Blocking.get(txn.commit());
    }
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @AfterEach
  void defaultPaging() {
    ((AbstractRepository<?, ?>) accounts).streamPaging(EntityStore.STREAM_PAGE_ENTITIES, null);
    ((AbstractRepository<?, ?>) configs).streamPaging(EntityStore.STREAM_PAGE_ENTITIES, null);
  }

  void observe(Object repository, int pageEntities) {
    ((AbstractRepository<?, ?>) repository)
        .streamPaging(
            pageEntities, (keys, rev, buffered) -> pages.add(new Page(keys, rev, buffered)));
  }

  @Test
  void tenThousandEntitiesStreamLazilyHoldingAtMostOnePage() {
    observe(accounts, 500);
    try (Stream<Account> stream = accounts.streamAll()) {
      Iterator<Account> it = stream.iterator();
      assertThat(pages).as("nothing is read before the first element is asked for").isEmpty();

      long expected = 0;
      while (it.hasNext()) {
        Account a = it.next();
        assertThat(a.getNumber()).isEqualTo(expected);
        assertThat(a.getBalanceCents()).isEqualTo(expected * 10);
        expected++;
        // the next page is read only when the previous one is used up
        assertThat(pages).hasSize((int) ((expected + 499) / 500));
      }
      assertThat(expected).isEqualTo(ACCOUNTS);
    }
    assertThat(pages).hasSize(ACCOUNTS / 500);
    assertThat(pages).allMatch(p -> p.keys() <= 500 && p.buffered() == 0);
    assertThat(pages).extracting(Page::revision).containsOnly(pages.get(0).revision());
  }

  @Test
  void aStreamReadsOneSnapshotWhileOthersWrite() {
    observe(accounts, 1000);
    long seen = 0;
    boolean lastSeen = false;
    try (Stream<Account> stream = accounts.streamAll()) {
      Iterator<Account> it = stream.iterator();
      it.next();
      seen++;
      // changes after the first page are not in the stream's snapshot
      accounts.deleteById((long) ACCOUNTS - 1);
      accounts.save(new Account(ACCOUNTS + 5, "late", 0));
      while (it.hasNext()) {
        Account a = it.next();
        seen++;
        lastSeen |= a.getNumber() == ACCOUNTS - 1;
        assertThat(a.getNumber()).isLessThan(ACCOUNTS);
      }
    } finally {
      accounts.save(new Account(ACCOUNTS - 1, "owner" + (ACCOUNTS - 1), (ACCOUNTS - 1) * 10L));
      accounts.deleteById((long) ACCOUNTS + 5);
    }
    assertThat(seen).isEqualTo(ACCOUNTS);
    assertThat(lastSeen).isTrue();
    assertThat(pages).hasSize(ACCOUNTS / 1000);
  }

  @Test
  void descendingStreamsPageBackwards() {
    observe(accounts, 2000);
    AbstractRepository<?, ?> repo = (AbstractRepository<?, ?>) accounts;
    List<Long> numbers = new ArrayList<>();
    try (Stream<?> stream = repo.streamByPrefix(repo.mapper().root().prefix(), true)) {
      stream.forEach(a -> numbers.add(((Account) a).getNumber()));
    }
    assertThat(numbers).hasSize(ACCOUNTS);
    assertThat(numbers.get(0)).isEqualTo(ACCOUNTS - 1);
    assertThat(numbers).isSortedAccordingTo((x, y) -> Long.compare(y, x));
    assertThat(pages).hasSize(ACCOUNTS / 2000).allMatch(p -> p.keys() <= 2000);
  }

  @Test
  void fieldsEntitiesAreAssembledAcrossPageBoundaries() {
    List<ServiceConfig> all = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      ServiceConfig c = ServiceConfig.of("stream", String.format("svc%03d", i), i);
      all.add(i % 3 == 0 ? c.withOwner("o" + i).withTags(List.of("t" + i)) : c);
    }
    List<ServiceConfig> saved = configs.saveAll(all);
    observe(configs, 7); // 35 keys a page: entities of 3 or 5 keys are cut at page ends

    List<ServiceConfig> streamed;
    try (Stream<ServiceConfig> s = configs.streamByEnv("stream")) {
      streamed = s.toList();
    }
    assertThat(streamed).isEqualTo(saved);
    assertThat(pages).hasSizeGreaterThan(10).allMatch(p -> p.keys() <= 35 && p.buffered() == 0);
    configs.deleteByEnv("stream");
  }

  @Test
  void compactionOfTheSnapshotMidStreamIsATypedErrorSayingToRestart() {
    observe(accounts, 100);
    try (Stream<Account> stream = accounts.streamAll()) {
      Iterator<Account> it = stream.iterator();
      it.next();
      Blocking.get(client.kv().put("/it/bump", "x"));
      long now = Blocking.get(client.kv().get("/it/bump")).header().revision();
      Blocking.get(client.kv().compact(now, true));

      assertThatThrownBy(
              () -> {
                while (it.hasNext()) {
                  it.next();
                }
              })
          .isInstanceOf(CompactedException.class)
          .hasMessageContaining("the stream of Account entities under '/it/accounts/'")
          .hasMessageContaining("close this stream and start a new one");
    }
    try (Stream<Account> fresh = accounts.streamAll()) {
      assertThat(fresh.count()).isEqualTo(ACCOUNTS);
    }
  }

  @Test
  void aClosedStreamCannotBeUsed() {
    Stream<Account> stream = accounts.streamAll();
    Iterator<Account> it = stream.iterator();
    assertThat(it.next().getNumber()).isZero();
    stream.close();
    assertThatThrownBy(it::hasNext)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}
