package io.typedetcd.examples.watches;

import static org.assertj.core.api.Assertions.assertThat;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.examples.EventRecorder;
import io.typedetcd.repository.EntityEvent;
import io.typedetcd.repository.EntityWatchOptions;
import io.typedetcd.repository.Repositories;
import io.typedetcd.repository.Subscription;
import io.typedetcd.testing.EtcdExtension;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Generated {@code watchBy<AllKeyComponents>} methods, on etcd: events of exactly one entity, in
 * both layouts, never of a sibling whose key extends its key.
 */
class OneEntityWatchIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static EtcdClient client;
  static Note.Repository notes;
  static Switch.Repository switches;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    notes = Repositories.create(Note.Repository.class, client);
    switches = Repositories.create(Switch.Repository.class, client);
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void clean() {
    Blocking.get(client.kv().delete("/ex/watches/", DeleteOptions.DEFAULT.withPrefix()));
  }

  static long now() {
    return Blocking.get(client.kv().get("/x")).header().revision();
  }

  @Test
  void aDocumentWatchSeesItsOneKeyOnly() {
    EventRecorder<Note, Note_Id> events = new EventRecorder<>();
    try (Subscription s = notes.watchByBoardAndTitle("a", "b", events)) {
      Blocking.get(s.started());
      Note sibling = notes.save(new Note("a", "bc", "sibling", 0)); // /a/bc extends /a/b
      Note created = notes.save(new Note("a", "b", "one", 0));
      notes.save(sibling);
      Note updated = notes.save(new Note("a", "b", "two", created.version()));
      notes.save(new Note("a", "b!", "other", 0));
      notes.delete(updated);
      Note again = notes.save(new Note("a", "b", "three", 0)); // a marker: last event

      List<EntityEvent<Note, Note_Id>> seen = events.await(4);
      assertThat(seen.get(0)).isEqualTo(new EntityEvent.Created<>(created, created.version()));
      assertThat(seen.get(1))
          .isEqualTo(new EntityEvent.Updated<>(created, updated, updated.version()));
      assertThat(seen.get(2)).isInstanceOf(EntityEvent.Deleted.class);
      assertThat(((EntityEvent.Deleted<Note, Note_Id>) seen.get(2)).id())
          .isEqualTo(new Note_Id("a", "b"));
      assertThat(seen.get(3)).isEqualTo(new EntityEvent.Created<>(again, again.version()));
      assertThat(events.events).hasSize(4);
    }
    assertThat(events.error.get()).isNull();
  }

  @Test
  void afterCompactionADocumentWatchResyncsToThePresentOrAbsentEntity() {
    Note first = notes.save(new Note("a", "b", "one", 0));
    notes.save(new Note("a", "bc", "sibling", 0));
    Note current = notes.save(new Note("a", "b", "two", first.version()));
    Blocking.get(client.kv().compact(now(), true));

    EventRecorder<Note, Note_Id> present = new EventRecorder<>();
    EntityWatchOptions compacted = EntityWatchOptions.DEFAULT.withStartRevision(first.version());
    try (Subscription s = notes.watchByBoardAndTitle("a", "b", present, compacted)) {
      Blocking.get(s.started());
      EntityEvent<Note, Note_Id> resync = present.await(1).get(0);
      assertThat(resync).isInstanceOf(EntityEvent.Resync.class);
      assertThat(((EntityEvent.Resync<Note, Note_Id>) resync).entities()).containsExactly(current);
    }

    notes.delete(current);
    Blocking.get(client.kv().compact(now(), true));
    EventRecorder<Note, Note_Id> absent = new EventRecorder<>();
    try (Subscription s = notes.watchByBoardAndTitle("a", "b", absent, compacted)) {
      Blocking.get(s.started());
      EntityEvent<Note, Note_Id> resync = absent.await(1).get(0);
      assertThat(((EntityEvent.Resync<Note, Note_Id>) resync).entities()).isEmpty();
      Note back = notes.save(new Note("a", "b", "back", 0));
      assertThat(absent.await(2).get(1)).isEqualTo(new EntityEvent.Created<>(back, back.version()));
    }
  }

  @Test
  void aFieldsWatchGivesOneEventPerTransactionOfItsEntityOnly() {
    EventRecorder<Switch, Switch_Id> events = new EventRecorder<>();
    EntityWatchOptions initial = EntityWatchOptions.DEFAULT.withInitialState();
    try (Subscription s = switches.watchByAppAndName("a", "b", events, initial)) {
      Blocking.get(s.started());
      EntityEvent<Switch, Switch_Id> resync = events.await(1).get(0);
      assertThat(((EntityEvent.Resync<Switch, Switch_Id>) resync).entities()).isEmpty();
      switches.save(new Switch("a", "bc", true, "ops")); // a sibling: no event
      Switch created = switches.save(new Switch("a", "b", true, "ops"));
      switches.save(new Switch("a", "bc", false, null));
      Switch updated = switches.save(new Switch("a", "b", false, "dev"));
      switches.deleteById(new Switch_Id("a", "b"));
      Switch marker = switches.save(new Switch("a", "b", true, null));

      List<EntityEvent<Switch, Switch_Id>> seen = events.await(5);
      assertThat(seen.get(1)).isInstanceOf(EntityEvent.Created.class);
      assertThat(((EntityEvent.Created<Switch, Switch_Id>) seen.get(1)).entity())
          .isEqualTo(created);
      assertThat(seen.get(2)).isInstanceOf(EntityEvent.Updated.class);
      EntityEvent.Updated<Switch, Switch_Id> u =
          (EntityEvent.Updated<Switch, Switch_Id>) seen.get(2);
      assertThat(u.previous()).isEqualTo(created);
      assertThat(u.current()).isEqualTo(updated);
      assertThat(seen.get(3)).isInstanceOf(EntityEvent.Deleted.class);
      assertThat(((EntityEvent.Deleted<Switch, Switch_Id>) seen.get(3)).previous())
          .isEqualTo(updated);
      assertThat(((EntityEvent.Created<Switch, Switch_Id>) seen.get(4)).entity()).isEqualTo(marker);
      assertThat(events.events).hasSize(5);
    }
    assertThat(events.error.get()).isNull();

    // After compaction: the entity as it is now.
    Blocking.get(client.kv().compact(now(), true));
    EventRecorder<Switch, Switch_Id> resynced = new EventRecorder<>();
    try (Subscription s =
        switches.watchByAppAndName(
            "a", "b", resynced, EntityWatchOptions.DEFAULT.withStartRevision(2))) {
      Blocking.get(s.started());
      EntityEvent<Switch, Switch_Id> resync = resynced.await(1).get(0);
      assertThat(((EntityEvent.Resync<Switch, Switch_Id>) resync).entities())
          .containsExactly(new Switch("a", "b", true, null));
    }
  }
}
