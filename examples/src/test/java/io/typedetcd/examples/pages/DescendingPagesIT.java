package io.typedetcd.examples.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.repository.Page;
import io.typedetcd.repository.PageExpiredException;
import io.typedetcd.repository.PageRequest;
import io.typedetcd.repository.Repositories;
import io.typedetcd.testing.EtcdExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Generated {@code OrderBy<NextKey>Desc} pages, on etcd: reverse key order across pages. */
class DescendingPagesIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static final int[] NUMBERS = {7, -3, 1000, 0, 42, 9, 10, 99_999, -100, 8, 2, 11, 100};

  static EtcdClient client;
  static Ticket.Repository tickets;
  static Sample.Repository samples;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    tickets = Repositories.create(Ticket.Repository.class, client);
    samples = Repositories.create(Sample.Repository.class, client);
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void clean() {
    Blocking.get(client.kv().delete("/ex/pages/", DeleteOptions.DEFAULT.withPrefix()));
  }

  /** Every page from the first one on, following tokens; checks each page's size and revision. */
  static <T> List<T> all(Function<PageRequest, Page<T>> query, int size, Runnable afterFirst) {
    Page<T> page = query.apply(PageRequest.ofSize(size));
    long revision = page.revision();
    afterFirst.run();
    List<T> seen = new ArrayList<>(page.content());
    while (page.hasNext()) {
      assertThat(page.content()).hasSize(size);
      page = query.apply(PageRequest.ofSize(size).withToken(page.nextToken()));
      assertThat(page.revision()).isEqualTo(revision);
      seen.addAll(page.content());
    }
    return seen;
  }

  static List<Integer> numbers(List<Ticket> found) {
    return found.stream().map(Ticket::number).toList();
  }

  @Test
  void descendingPagesComeInReverseNumericKeyOrderThroughOneSnapshot() {
    for (int n : NUMBERS) {
      tickets.save(Ticket.of("q1", n, "open"));
      tickets.save(Ticket.of("q2", n, "open"));
    }
    List<Integer> down = List.of(99_999, 1000, 100, 42, 11, 10, 9, 8, 7, 2, 0, -3, -100);

    List<Ticket> seen =
        all(
            r -> tickets.findByQueueOrderByNumberDesc("q1", r),
            4,
            () -> {
              tickets.deleteById(new Ticket_Id("q1", 7));
              tickets.save(Ticket.of("q1", 5, "open"));
              tickets.save(Ticket.of("q1", 100_000, "open"));
            });
    assertThat(numbers(seen)).containsExactlyElementsOf(down);
    assertThat(seen).allMatch(t -> t.queue().equals("q1"));
    // Ascending pages of the same prefix: the other order, and their own tokens.
    List<Ticket> up = all(r -> tickets.findByQueue("q1", r), 5, () -> {});
    assertThat(numbers(up))
        .containsExactly(-100, -3, 0, 2, 5, 8, 9, 10, 11, 42, 100, 1000, 99_999, 100_000);
  }

  @Test
  void findAllOrderByTheFirstKeyDescPagesEveryEntityBackwards() {
    for (int n : new int[] {1, 2, 3}) {
      tickets.save(Ticket.of("a", n, "open"));
      tickets.save(Ticket.of("b", n, "open"));
      tickets.save(Ticket.of("c", n, "open"));
    }
    List<Ticket> seen = all(tickets::findAllOrderByQueueDesc, 2, () -> {});
    assertThat(seen)
        .extracting(t -> t.queue() + t.number())
        .containsExactly("c3", "c2", "c1", "b3", "b2", "b1", "a3", "a2", "a1");
  }

  @Test
  void fieldsEntitiesAreNeverSplitAcrossDescendingPages() {
    List<Sample> saved = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      long at = i * 1000L - 3000;
      saved.add(samples.save(new Sample("s1", at, i / 2.0, i % 3 == 0 ? null : "C")));
    }
    samples.save(new Sample("s2", 0, 1, "C"));
    List<Sample> expected = new ArrayList<>(saved);
    java.util.Collections.reverse(expected);

    assertThat(all(r -> samples.findBySensorOrderByAtDesc("s1", r), 3, () -> {}))
        .containsExactlyElementsOf(expected);
    assertThat(all(r -> samples.findBySensorOrderByAtDesc("s1", r), 11, () -> {}))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void descendingTokensAreRefusedByAscendingPagesAndExpireWithCompaction() {
    for (int n = 0; n < 5; n++) {
      tickets.save(Ticket.of("q1", n, "open"));
    }
    Page<Ticket> first = tickets.findByQueueOrderByNumberDesc("q1", PageRequest.ofSize(2));
    assertThat(numbers(first.content())).containsExactly(4, 3);
    PageRequest next = PageRequest.ofSize(2).withToken(first.nextToken());
    assertThatThrownBy(() -> tickets.findByQueue("q1", next))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another query");

    tickets.save(Ticket.of("q1", 9, "open"));
    long now = Blocking.get(client.kv().get("/x")).header().revision();
    Blocking.get(client.kv().compact(now, true));
    assertThatThrownBy(() -> tickets.findByQueueOrderByNumberDesc("q1", next))
        .isInstanceOfSatisfying(
            PageExpiredException.class, e -> assertThat(e.revision()).isEqualTo(first.revision()));
  }
}
