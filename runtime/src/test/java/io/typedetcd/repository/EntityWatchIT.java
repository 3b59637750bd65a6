package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.repository.EntityEvent.Created;
import io.typedetcd.repository.EntityEvent.DecodeFailed;
import io.typedetcd.repository.EntityEvent.Deleted;
import io.typedetcd.repository.EntityEvent.Resync;
import io.typedetcd.repository.EntityEvent.Updated;
import io.typedetcd.repository.fixtures.Order;
import io.typedetcd.repository.fixtures.OrderRepository;
import io.typedetcd.repository.fixtures.ServiceConfig;
import io.typedetcd.repository.fixtures.ServiceConfigRepository;
import io.typedetcd.testing.EtcdExtension;
import io.typedetcd.testing.Eventually;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Typed watches against real etcd: event kinds, FIELDS grouping, decode failures, resyncs. */
class EntityWatchIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static EtcdClient client;
  static OrderRepository orders;
  static ServiceConfigRepository configs;
  Subscription subscription;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    orders = Repositories.create(OrderRepository.class, client);
    configs = Repositories.create(ServiceConfigRepository.class, client);
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void clean() {
    Blocking.get(client.kv().delete("/it/", DeleteOptions.DEFAULT.withPrefix()));
  }

  @AfterEach
  void stop() {
    if (subscription != null) {
      subscription.close();
    }
  }

  static long currentRevision() {
    return Blocking.get(client.kv().get("/nothing")).header().revision();
  }

  <T, ID> EventRecorder<T, ID> started(Subscription s, EventRecorder<T, ID> r) {
    subscription = s;
    Blocking.get(s.started());
    return r;
  }

  @Test
  void documentEventsAreTypedWithPreviousValuesAndRevisionsAndIndexKeysNeverSurface() {
    EventRecorder<Order, Order.Id> r = new EventRecorder<>();
    started(orders.watchAll(r), r);

    Order v1 = orders.save(Order.of("eu", "a", 1));
    // Keys beside the entity range: an index key (S1's layout) and a sibling entity's key.
    Blocking.get(client.kv().put("/it/orders%idx/quantity/1/eu/a", ""));
    Blocking.get(client.kv().put("/it/orders2/x", "{\"summary\":\"s\"}"));
    Order v2 = orders.save(v1.withQuantity(2));
    orders.deleteById(v1.key());
    long deleted = currentRevision();
    Order marker = orders.save(Order.of("eu", "z", 1));

    assertThat(r.await(4))
        .containsExactly(
            new Created<>(v1, v1.version()),
            new Updated<>(v1, v2, v2.version()),
            new Deleted<>(v1.key(), v2, deleted),
            new Created<>(marker, marker.version()));
    assertThat(r.violations).isEmpty();
    assertThat(subscription.revision()).isEqualTo(marker.version());
  }

  @Test
  void aFieldsEntityMakesOneEventPerTransactionDecodedFromAllItsKeys() {
    EventRecorder<ServiceConfig, ServiceConfig.Id> r = new EventRecorder<>();
    started(configs.watchAll(r), r);

    ServiceConfig c1 = configs.save(ServiceConfig.of("prod", "web", 80).withOwner("ops"));
    ServiceConfig c2 = configs.save(c1.withPort(81).withOwner(null)); // 3 puts and a delete
    etcd.etcdctl("put", "/it/config/prod/web/host", "10.0.0.9"); // one key of four
    ServiceConfig c3 = configs.findById(c1.key()).orElseThrow();
    configs.deleteById(c1.key());
    long deleted = currentRevision();

    assertThat(c3.host()).isEqualTo("10.0.0.9");
    assertThat(r.await(4))
        .containsExactly(
            new Created<>(c1, c1.version()),
            new Updated<>(c1, c2, c2.version()),
            new Updated<>(c2, c3, c3.version()),
            new Deleted<>(c1.key(), c3, deleted));
    ServiceConfig marker = configs.save(ServiceConfig.of("prod", "z", 1));
    assertThat(r.await(5).get(4)).isEqualTo(new Created<>(marker, marker.version()));
    assertThat(r.violations).isEmpty();
  }

  @Test
  void valuesThatDoNotDecodeAreDecodeFailedEventsAndTheWatchGoesOn() {
    EventRecorder<Order, Order.Id> r = new EventRecorder<>();
    started(orders.watchAll(r), r);
    EventRecorder<ServiceConfig, ServiceConfig.Id> f = new EventRecorder<>();
    Subscription fields = configs.watchAll(f);
    Blocking.get(fields.started());

    etcd.etcdctl("put", "/it/orders/eu/bad", "not json");
    etcd.etcdctl("put", "/it/orders/eu", "{}"); // not a key /it/orders/{region}/{id}
    Order ok = orders.save(Order.of("eu", "ok", 1));
    etcd.etcdctl("put", "/it/config/prod/web/port", "eighty"); // and no other property
    etcd.etcdctl("put", "/it/config/stray", "x"); // no property part
    ServiceConfig good = configs.save(ServiceConfig.of("prod", "api", 80));

    List<EntityEvent<Order, Order.Id>> events = r.await(3);
    assertThat(events.get(0))
        .isInstanceOfSatisfying(
            DecodeFailed.class,
            d -> {
              assertThat(d.key()).isEqualTo("/it/orders/eu/bad");
              assertThat(d.error().key()).isEqualTo("/it/orders/eu/bad");
              assertThat(d.error().entity()).isEqualTo("Order");
            });
    assertThat(events.get(1))
        .isInstanceOfSatisfying(
            DecodeFailed.class, d -> assertThat(d.key()).isEqualTo("/it/orders/eu"));
    assertThat(events.get(2)).isEqualTo(new Created<>(ok, ok.version()));

    List<EntityEvent<ServiceConfig, ServiceConfig.Id>> fe = f.await(3);
    assertThat(fe.get(0))
        .isInstanceOfSatisfying(
            DecodeFailed.class, d -> assertThat(d.key()).isEqualTo("/it/config/prod/web"));
    assertThat(fe.get(1))
        .isInstanceOfSatisfying(
            DecodeFailed.class,
            d -> assertThat(d.error()).hasMessageContaining("is not a FIELDS key"));
    assertThat(fe.get(2)).isEqualTo(new Created<>(good, good.version()));
    fields.close();
  }

  @Test
  void aStartRevisionReplaysHistory() {
    Order a = orders.save(Order.of("eu", "a", 1));
    Order b = orders.save(Order.of("eu", "b", 1));
    Order a2 = orders.save(a.withQuantity(5));

    EventRecorder<Order, Order.Id> r = new EventRecorder<>();
    subscription = orders.watchAll(r, EntityWatchOptions.DEFAULT.withStartRevision(a.version()));

    assertThat(r.await(3))
        .containsExactly(
            new Created<>(a, a.version()),
            new Created<>(b, b.version()),
            new Updated<>(a, a2, a2.version()));
    assertThat(Blocking.get(subscription.started())).isEqualTo(a.version() - 1);
  }

  @Test
  void aCompactedStartRevisionResyncsTheFullStateThenContinues() {
    Order a = orders.save(Order.of("eu", "a", 1));
    Order b = orders.save(Order.of("eu", "b", 1));
    orders.deleteById(a.key());
    etcd.etcdctl("put", "/it/orders/eu/bad", "not json");
    long compacted = currentRevision();
    Blocking.get(client.kv().compact(compacted, true));

    EventRecorder<Order, Order.Id> r = new EventRecorder<>();
    subscription = orders.watchAll(r, EntityWatchOptions.DEFAULT.withStartRevision(a.version()));

    List<EntityEvent<Order, Order.Id>> events = r.await(2);
    long resynced = events.get(0).revision();
    assertThat(resynced).isGreaterThanOrEqualTo(compacted);
    assertThat(events.get(0)).isEqualTo(new Resync<>(List.of(b), resynced));
    assertThat(events.get(1))
        .isInstanceOfSatisfying(
            DecodeFailed.class,
            d -> {
              assertThat(d.key()).isEqualTo("/it/orders/eu/bad");
              assertThat(d.revision()).isEqualTo(resynced);
            });
    Order c = orders.save(Order.of("eu", "c", 1));
    assertThat(r.await(3).get(2)).isEqualTo(new Created<>(c, c.version()));
    assertThat(r.error.get()).isNull();
  }

  @Test
  void initialStateListsAPrefixThenWatchesIt() {
    ServiceConfig web = configs.save(ServiceConfig.of("prod", "web", 80));
    configs.save(ServiceConfig.of("dev", "web", 80));

    EventRecorder<ServiceConfig, ServiceConfig.Id> r = new EventRecorder<>();
    subscription = configs.watchByEnv("prod", r, EntityWatchOptions.DEFAULT.withInitialState());
    long since = Blocking.get(subscription.started());
    configs.save(ServiceConfig.of("dev", "api", 80)); // another prefix: not seen
    ServiceConfig api = configs.save(ServiceConfig.of("prod", "api", 80));

    assertThat(r.await(2))
        .containsExactly(new Resync<>(List.of(web), since), new Created<>(api, api.version()));
    Eventually.holdsFor(
        Duration.ofMillis(300), () -> "2 events, got " + r.events, () -> r.events.size() == 2);
  }

  /** A recorder whose first event blocks its caller until the gate opens. */
  static <T, ID> EntityListener<T, ID> gated(EventRecorder<T, ID> r, CountDownLatch gate) {
    return new EntityListener<>() {
      @Override
      public void onEvent(EntityEvent<T, ID> event) {
        r.onEvent(event);
        if (r.events.size() == 1) {
          try {
            gate.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }

      @Override
      public void onError(EtcdException error) {
        r.onError(error);
      }
    };
  }

  @Test
  void aFieldsRevisionCompactedBeforeItsEntitiesWereReadResyncs() {
    ServiceConfig a = configs.save(ServiceConfig.of("prod", "a", 80));
    EventRecorder<ServiceConfig, ServiceConfig.Id> r = new EventRecorder<>();
    CountDownLatch gate = new CountDownLatch(1);
    subscription =
        configs.watchAll(gated(r, gate), EntityWatchOptions.DEFAULT.withStartRevision(a.version()));
    r.await(1); // the listener now holds the watch: later batches wait, unread

    ServiceConfig b = configs.save(ServiceConfig.of("prod", "b", 80));
    ServiceConfig a2 = configs.save(a.withPort(81));
    Blocking.get(client.kv().compact(a2.version(), true)); // b's revision is gone
    gate.countDown();

    Eventually.until(Duration.ofSeconds(10), "a resync", () -> !r.of(Resync.class).isEmpty());
    assertThat(r.events.get(0)).isEqualTo(new Created<>(a, a.version()));
    assertThat(r.of(Resync.class)).hasSize(1);
    Resync<?, ?> resync = r.of(Resync.class).get(0);
    assertThat(resync.entities()).isEqualTo(List.of(a2, b));
    assertThat(resync.revision()).isGreaterThanOrEqualTo(a2.version());
    assertThat(r.error.get()).isNull();
    ServiceConfig c = configs.save(ServiceConfig.of("prod", "c", 80));
    Eventually.until(
        Duration.ofSeconds(5),
        "the watch goes on after the resync",
        () -> r.events.get(r.events.size() - 1).equals(new Created<>(c, c.version())));
    assertThat(r.violations).isEmpty();
  }

  @Test
  void aListenerTooSlowForItsPendingBoundEndsWithOnError() {
    EventRecorder<Order, Order.Id> r = new EventRecorder<>();
    CountDownLatch gate = new CountDownLatch(1);
    subscription =
        orders.watchAll(gated(r, gate), EntityWatchOptions.DEFAULT.withMaxPendingBatches(2));
    Blocking.get(subscription.started());
    for (int i = 0; i < 10; i++) {
      orders.save(Order.of("eu", "o" + i, i));
    }
    r.await(1);
    gate.countDown();

    Eventually.until(Duration.ofSeconds(5), "onError", () -> r.error.get() != null);
    assertThat(r.error.get()).hasMessageContaining("listener too slow");
    assertThat(r.events.size()).isLessThan(10);
  }

  @Test
  void closingEndsWithOnClosedAndNothingAfter() {
    EventRecorder<Order, Order.Id> r = new EventRecorder<>();
    Subscription s = orders.watchAll(r);
    Blocking.get(s.started());
    orders.save(Order.of("eu", "a", 1));
    r.await(1);

    s.close();
    s.close();
    orders.save(Order.of("eu", "b", 1));

    Eventually.until(Duration.ofSeconds(5), "onClosed", () -> r.closed.get() == 1);
    Eventually.holdsFor(
        Duration.ofMillis(300), () -> "1 event, got " + r.events, () -> r.events.size() == 1);
    assertThat(r.closed.get()).isEqualTo(1);
    assertThat(r.error.get()).isNull();
  }

  @Test
  void aListenerThatThrowsEndsTheSubscriptionWithOnError() {
    EventRecorder<Order, Order.Id> r = new EventRecorder<>();
    EntityListener<Order, Order.Id> throwing =
        new EntityListener<>() {
          @Override
          public void onEvent(EntityEvent<Order, Order.Id> event) {
            r.onEvent(event);
            throw new IllegalStateException("boom");
          }

          @Override
          public void onError(EtcdException error) {
            r.onError(error);
          }
        };
    subscription = orders.watchAll(throwing);
    Blocking.get(subscription.started());

    orders.save(Order.of("eu", "a", 1));
    orders.save(Order.of("eu", "b", 1));

    Eventually.until(Duration.ofSeconds(5), "onError", () -> r.error.get() != null);
    assertThat(r.error.get()).hasMessageContaining("boom").hasRootCauseMessage("boom");
    Eventually.holdsFor(
        Duration.ofMillis(300), () -> "1 event, got " + r.events, () -> r.events.size() == 1);
  }
}
