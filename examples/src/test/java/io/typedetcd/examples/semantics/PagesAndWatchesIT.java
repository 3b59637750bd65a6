package io.typedetcd.examples.semantics;

import static org.assertj.core.api.Assertions.assertThat;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.examples.EventRecorder;
import io.typedetcd.repository.EntityEvent;
import io.typedetcd.repository.EntityWatchOptions;
import io.typedetcd.repository.Page;
import io.typedetcd.repository.PageRequest;
import io.typedetcd.repository.Repositories;
import io.typedetcd.repository.Subscription;
import io.typedetcd.testing.EtcdExtension;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Generated page and watch methods of a key prefix, against etcd. */
class PagesAndWatchesIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static EtcdClient client;
  static Instance.Repository instances;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    instances = Repositories.create(Instance.Repository.class, client);
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void clean() {
    Blocking.get(client.kv().delete("/ex/semantics/", DeleteOptions.DEFAULT.withPrefix()));
  }

  static Instance eu(int n) {
    return Instance.of("eu", "i" + n, "eu-" + n, "10.0.0." + n);
  }

  static List<String> ids(Page<Instance> page) {
    return page.content().stream().map(Instance::id).toList();
  }

  @Test
  void pagesOfAPrefixFollowTheirTokensThroughOneSnapshot() throws Exception {
    for (int n = 1; n <= 5; n++) {
      instances.save(eu(n));
    }
    instances.save(Instance.of("us", "i0", "us-1", "10.1.0.1"));

    Page<Instance> first = instances.findByRegion("eu", PageRequest.ofSize(2));
    assertThat(ids(first)).containsExactly("i1", "i2");
    assertThat(first.hasNext()).isTrue();
    // Written after the first page: not part of its snapshot.
    instances.save(eu(6));
    instances.deleteById(new Instance_Id("eu", "i3"));

    Page<Instance> second =
        instances.findByRegionAsync("eu", PageRequest.ofSize(2).withToken(first.nextToken())).get();
    assertThat(ids(second)).containsExactly("i3", "i4");
    assertThat(second.revision()).isEqualTo(first.revision());
    Page<Instance> last =
        instances.findByRegion("eu", PageRequest.ofSize(2).withToken(second.nextToken()));
    assertThat(ids(last)).containsExactly("i5");
    assertThat(last.hasNext()).isFalse();
    assertThat(last.nextToken()).isNull();

    // A new sequence sees the new state; findAll pages every region.
    assertThat(ids(instances.findByRegion("eu", PageRequest.ofSize(10))))
        .containsExactly("i1", "i2", "i4", "i5", "i6");
    Page<Instance> all = instances.findAll(PageRequest.ofSize(5));
    assertThat(ids(all)).containsExactly("i1", "i2", "i4", "i5", "i6");
    assertThat(ids(instances.findAll(PageRequest.ofSize(5).withToken(all.nextToken()))))
        .containsExactly("i0");
  }

  @Test
  void aWatchOfAPrefixDeliversTypedEventsOfThatPrefixOnly() {
    EventRecorder<Instance, Instance_Id> recorder = new EventRecorder<>();
    try (Subscription s = instances.watchByRegion("eu", recorder)) {
      Blocking.get(s.started());
      Instance created = instances.save(eu(1));
      instances.save(Instance.of("us", "i9", "us-1", "10.1.0.9")); // another region: no event
      Instance updated = instances.save(created.withZone("eu-9")); // index keys move: no event
      instances.delete(updated);

      List<EntityEvent<Instance, Instance_Id>> events = recorder.await(3);
      assertThat(events.get(0)).isEqualTo(new EntityEvent.Created<>(created, created.version()));
      assertThat(events.get(1))
          .isEqualTo(new EntityEvent.Updated<>(created, updated, updated.version()));
      assertThat(events.get(2)).isInstanceOf(EntityEvent.Deleted.class);
      EntityEvent.Deleted<Instance, Instance_Id> deleted =
          (EntityEvent.Deleted<Instance, Instance_Id>) events.get(2);
      assertThat(deleted.id()).isEqualTo(new Instance_Id("eu", "i1"));
      assertThat(deleted.previous()).isEqualTo(updated);
      assertThat(deleted.revision()).isGreaterThan(updated.version());
      // A marker after the others: once it arrives, nothing else was delivered.
      Instance marker = instances.save(eu(2));
      assertThat(recorder.await(4).get(3))
          .isEqualTo(new EntityEvent.Created<>(marker, marker.version()));
      assertThat(recorder.events).hasSize(4);
    }
    assertThat(recorder.violations).isEmpty();
    assertThat(recorder.error.get()).isNull();
  }

  @Test
  void watchOptionsStartWithTheInitialStateOrFromARevision() {
    Instance one = instances.save(eu(1));
    Instance two = instances.save(eu(2));

    EventRecorder<Instance, Instance_Id> initial = new EventRecorder<>();
    try (Subscription s =
        instances.watchByRegion("eu", initial, EntityWatchOptions.DEFAULT.withInitialState())) {
      assertThat(Blocking.get(s.started())).isEqualTo(two.version());
      EntityEvent<Instance, Instance_Id> resync = initial.await(1).get(0);
      assertThat(resync).isInstanceOf(EntityEvent.Resync.class);
      assertThat(((EntityEvent.Resync<Instance, Instance_Id>) resync).entities())
          .containsExactly(one, two);
    }

    EventRecorder<Instance, Instance_Id> replay = new EventRecorder<>();
    try (Subscription s =
        instances.watchByRegion(
            "eu", replay, EntityWatchOptions.DEFAULT.withStartRevision(two.version()))) {
      assertThat(replay.await(1).get(0)).isEqualTo(new EntityEvent.Created<>(two, two.version()));
      assertThat(s.revision()).isEqualTo(two.version());
    }
    assertThat(initial.violations).isEmpty();
    assertThat(replay.violations).isEmpty();
  }
}
