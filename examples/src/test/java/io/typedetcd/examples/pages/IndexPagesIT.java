package io.typedetcd.examples.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.repository.Page;
import io.typedetcd.repository.PageExpiredException;
import io.typedetcd.repository.PageRequest;
import io.typedetcd.repository.Repositories;
import io.typedetcd.testing.EtcdExtension;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Generated pages of an @Indexed property ({@code findByStatus(status, PageRequest)}), on etcd. */
class IndexPagesIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static final String[] STATUSES = {"open", "closed", "held"};
  static final String ENTRIES = "/ex/pages/tickets%idx/status/";

  static EtcdClient client;
  static Ticket.Repository tickets;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    tickets = Repositories.create(Ticket.Repository.class, client);
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void clean() {
    Blocking.get(client.kv().delete("/ex/pages/", DeleteOptions.DEFAULT.withPrefix()));
  }

  /** 250 tickets over 5 queues, statuses in turn; the saved ones in key order. */
  static List<Ticket> save250() {
    List<Ticket> all = new ArrayList<>();
    for (int n = 0; n < 250; n++) {
      all.add(Ticket.of("q" + (n % 5), n, STATUSES[n % 3]));
    }
    List<Ticket> saved = new ArrayList<>(tickets.saveAll(all));
    saved.sort(Comparator.comparing(Ticket::queue).thenComparingInt(Ticket::number));
    return saved;
  }

  static List<Ticket> withStatus(List<Ticket> all, String status) {
    return all.stream().filter(t -> t.status().equals(status)).toList();
  }

  /** Every page of {@code status} from {@code first} on, checking sizes and revisions. */
  static List<Ticket> rest(String status, Page<Ticket> first, int size) {
    List<Ticket> seen = new ArrayList<>(first.content());
    Page<Ticket> page = first;
    while (page.hasNext()) {
      assertThat(page.content()).hasSize(size);
      page = tickets.findByStatus(status, PageRequest.ofSize(size).withToken(page.nextToken()));
      assertThat(page.content()).hasSizeLessThanOrEqualTo(size);
      assertThat(page.revision()).isEqualTo(first.revision());
      seen.addAll(page.content());
    }
    return seen;
  }

  @Test
  void pagesOfAValueWalkItsEntitiesInKeyOrderThroughOneSnapshot() throws Exception {
    List<Ticket> saved = save250();
    List<Ticket> open = withStatus(saved, "open");
    assertThat(open).hasSize(84);

    Page<Ticket> first = tickets.findByStatusAsync("open", PageRequest.ofSize(40)).get();
    assertThat(first.content()).containsExactlyElementsOf(open.subList(0, 40));
    // After the first page: none of this may show in the later ones.
    Ticket late = open.get(70);
    tickets.save(late.withStatus("closed"));
    tickets.delete(open.get(60));
    tickets.save(Ticket.of("q9", 1, "open"));
    tickets.save(withStatus(saved, "held").get(0).withStatus("open"));

    assertThat(rest("open", first, 40)).containsExactlyElementsOf(open);
    // A new sequence sees the new state.
    List<Ticket> now = rest("open", tickets.findByStatus("open", PageRequest.ofSize(40)), 40);
    assertThat(now).hasSize(84 - 2 + 2).doesNotContain(open.get(60), late);
    assertThat(now)
        .isSortedAccordingTo(Comparator.comparing(Ticket::queue).thenComparingInt(Ticket::number));
    try (Stream<Ticket> stream = tickets.streamByStatus("open")) {
      assertThat(stream.toList()).containsExactlyElementsOf(now);
    }
  }

  @Test
  void staleIndexEntriesAreSkippedAndPagesStayFull() {
    List<Ticket> saved = save250();
    List<Ticket> open = withStatus(saved, "open");
    // Written by a tool that bypassed the repository: entries of 'open' pointing to a closed
    // ticket and to no ticket at all, sorting among the real ones.
    List<KeyValue> closed =
        Blocking.get(client.kv().get(ENTRIES + "closed/", GetOptions.DEFAULT.withPrefix())).kvs();
    for (int k = 0; k < 30; k++) {
      String key = closed.get(k).key().replace("/closed/", "/open/");
      Blocking.get(client.kv().put(key, ""));
    }
    Blocking.get(client.kv().put(ENTRIES + "open/q0/zzz", ""));
    Blocking.get(client.kv().put(ENTRIES + "open/q4/zzz", ""));

    Page<Ticket> first = tickets.findByStatus("open", PageRequest.ofSize(40));
    assertThat(first.content()).containsExactlyElementsOf(open.subList(0, 40));
    assertThat(rest("open", first, 40)).containsExactlyElementsOf(open);
    assertThat(tickets.findByStatus("open", PageRequest.ofSize(84)).hasNext()).isTrue();
  }

  @Test
  void aCompactedTokenIsAPageExpiredExceptionAndOtherValuesTokensAreRefused() {
    save250();
    Page<Ticket> first = tickets.findByStatus("held", PageRequest.ofSize(40));
    tickets.save(Ticket.of("q0", 999, "held"));
    long now = Blocking.get(client.kv().get("/x")).header().revision();
    Blocking.get(client.kv().compact(now, true));

    PageRequest next = PageRequest.ofSize(40).withToken(first.nextToken());
    assertThatThrownBy(() -> tickets.findByStatus("held", next))
        .isInstanceOfSatisfying(
            PageExpiredException.class,
            e -> {
              assertThat(e.revision()).isEqualTo(first.revision());
              assertThat(e)
                  .hasMessageContaining("Ticket")
                  .hasMessageContaining("status 'held'")
                  .hasMessageContaining("read again from the first page");
            });
    assertThatThrownBy(() -> tickets.findByStatus("open", next))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another query");
    assertThat(rest("held", tickets.findByStatus("held", PageRequest.ofSize(40)), 40)).hasSize(84);
    assertThat(tickets.findByStatus("none", PageRequest.ofSize(40)).content()).isEmpty();
  }
}
