package io.typedetcd.examples.paging;

import static org.assertj.core.api.Assertions.assertThat;

import io.typedetcd.client.EtcdClient;
import io.typedetcd.repository.Repositories;
import io.typedetcd.testing.EtcdExtension;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 10,000 entities through a generated repository's streams: etcd's own count of Range calls shows
 * that a stream reads one page of 500 at a time, only when the previous one is used up, so the
 * memory a stream holds does not grow with the entity count.
 */
class StreamPagingIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static final int EVENTS = 10_000;
  static final int PAGE = 500;
  static final String PAYLOAD = "x".repeat(200);

  static EtcdClient client;
  static Event.Repository events;
  static RangeCalls ranges;

  @BeforeAll
  static void fill() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    events = Repositories.create(Event.Repository.class, client);
    ranges = new RangeCalls(etcd.server().metricsPort());
    List<Event> all = new ArrayList<>(EVENTS);
    for (int i = 0; i < EVENTS; i++) {
      all.add(new Event("main", i, PAYLOAD + i));
    }
    assertThat(events.saveAll(all)).hasSize(EVENTS);
    events.save(new Event("other", 0, "not in main's stream"));
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @Test
  void tenThousandEntitiesStreamOnePageAtATime() {
    long before = ranges.now();
    try (Stream<Event> stream = events.streamByStream("main")) {
      Iterator<Event> it = stream.iterator();
      assertThat(ranges.now() - before).as("nothing is read before it is asked for").isZero();

      long seq = 0;
      while (it.hasNext()) {
        Event e = it.next();
        assertThat(e.seq()).isEqualTo(seq);
        seq++;
        if (seq % PAGE == 0 || seq % PAGE == 1) {
          // element 1..500 come from the first read, 501..1000 from the second, ...
          assertThat(ranges.now() - before)
              .as("Range calls after %d events", seq)
              .isEqualTo((seq + PAGE - 1) / PAGE);
        }
      }
      assertThat(seq).isEqualTo(EVENTS);
    }
    assertThat(ranges.now() - before).isEqualTo(EVENTS / PAGE);
  }

  @Test
  void aDescendingStreamPagesBackwards() {
    long before = ranges.now();
    try (Stream<Event> stream = events.streamByStreamOrderBySeqDesc("main")) {
      Iterator<Event> it = stream.iterator();
      assertThat(it.next().seq()).isEqualTo(EVENTS - 1);
      assertThat(ranges.now() - before).isEqualTo(1);
      long expected = EVENTS - 2;
      while (it.hasNext()) {
        assertThat(it.next().seq()).isEqualTo(expected--);
      }
      assertThat(expected).isEqualTo(-1);
    }
    assertThat(ranges.now() - before).isEqualTo(EVENTS / PAGE);
  }

  @Test
  void aStreamClosedEarlyReadsNoMorePages() {
    long before = ranges.now();
    try (Stream<Event> stream = events.streamAll()) {
      assertThat(stream.limit(PAGE + 1).count()).isEqualTo(PAGE + 1);
    }
    assertThat(ranges.now() - before).isEqualTo(2);
    assertThat(events.count()).isEqualTo(EVENTS + 1);
  }
}
