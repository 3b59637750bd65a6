package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.repository.fixtures.Order;
import io.typedetcd.repository.fixtures.OrderRepository;
import io.typedetcd.repository.fixtures.ServiceConfig;
import io.typedetcd.repository.fixtures.ServiceConfigRepository;
import io.typedetcd.testing.EtcdExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pages with revision-pinned continue tokens against real etcd. */
class PageIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static EtcdClient client;
  static OrderRepository orders;
  static ServiceConfigRepository configs;

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

  static List<Order> saveOrders(int n) {
    List<Order> saved = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      saved.add(orders.save(Order.of("eu", String.format("o%03d", i), i)));
    }
    return saved;
  }

  @Test
  void pagesWalkEveryEntityOnceInKeyOrderAsOfTheFirstPagesRevision() {
    List<Order> saved = saveOrders(25);

    Page<Order> p1 = orders.findAll(PageRequest.ofSize(10));
    // Changes after the first page are not seen by the later ones.
    orders.deleteById(saved.get(15).key());
    orders.save(Order.of("eu", "o999", 1));
    Page<Order> p2 = orders.findAll(PageRequest.ofSize(10).withToken(p1.nextToken()));
    Page<Order> p3 =
        orders.async().findAll(PageRequest.ofSize(10).withToken(p2.nextToken())).join();

    assertThat(p1.content()).containsExactlyElementsOf(saved.subList(0, 10));
    assertThat(p2.content()).containsExactlyElementsOf(saved.subList(10, 20));
    assertThat(p3.content()).containsExactlyElementsOf(saved.subList(20, 25));
    assertThat(p1.hasNext()).isTrue();
    assertThat(p3.hasNext()).isFalse();
    assertThat(p3.nextToken()).isNull();
    assertThat(List.of(p2.revision(), p3.revision())).containsOnly(p1.revision());
    assertThat(orders.findAll(PageRequest.ofSize(100)).content()).hasSize(25);
  }

  @Test
  void aFullLastPageSaysThereIsNoNextOne() {
    List<Order> saved = saveOrders(20);
    Page<Order> p1 = orders.findAll(PageRequest.ofSize(10));
    Page<Order> p2 = orders.findAll(PageRequest.ofSize(10).withToken(p1.nextToken()));
    assertThat(p2.content()).containsExactlyElementsOf(saved.subList(10, 20));
    assertThat(p2.hasNext()).isFalse();
    assertThat(orders.findAll(PageRequest.ofSize(1)).content()).containsExactly(saved.get(0));
  }

  @Test
  void fieldsPagesCountEntitiesNeverSplittingOne() {
    List<ServiceConfig> saved = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ServiceConfig c = ServiceConfig.of("prod", "s" + i, 80 + i);
      saved.add(configs.save(i % 2 == 0 ? c.withOwner("ops").withTags(List.of("t")) : c));
    }
    configs.save(ServiceConfig.of("dev", "s0", 80));

    List<ServiceConfig> seen = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    Page<ServiceConfig> page = configs.findByEnv("prod", PageRequest.ofSize(3));
    while (true) {
      seen.addAll(page.content());
      sizes.add(page.content().size());
      if (!page.hasNext()) {
        break;
      }
      page = configs.findByEnv("prod", PageRequest.ofSize(3).withToken(page.nextToken()));
    }

    assertThat(sizes).containsExactly(3, 3, 1);
    assertThat(seen).containsExactlyElementsOf(saved);
  }

  @Test
  void aTokenOfAnotherQueryOrNoTokenAtAllIsAnIllegalArgument() {
    saveOrders(3);
    configs.save(ServiceConfig.of("prod", "a", 80));
    configs.save(ServiceConfig.of("prod", "b", 80));
    String ordersToken = orders.findAll(PageRequest.ofSize(1)).nextToken();
    String prodToken = configs.findByEnv("prod", PageRequest.ofSize(1)).nextToken();

    assertThatThrownBy(() -> configs.findAll(PageRequest.ofSize(1).withToken(ordersToken)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another query");
    assertThatThrownBy(() -> configs.findByEnv("dev", PageRequest.ofSize(1).withToken(prodToken)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("another query");
    assertThatThrownBy(() -> orders.findAll(PageRequest.ofSize(1).withToken("not a token!")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a page token");
    assertThat(configs.findByEnv("prod", PageRequest.ofSize(1).withToken(prodToken)).content())
        .extracting(ServiceConfig::service)
        .containsExactly("b");
  }

  @Test
  void pageSizesAreBounded() {
    assertThatThrownBy(() -> PageRequest.ofSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("size must be between 1 and 10000");
    assertThatThrownBy(() -> PageRequest.ofSize(10_001))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(PageRequest.ofSize(10_000).size()).isEqualTo(10_000);
  }

  @Test
  void aTokenWhoseRevisionWasCompactedIsAPageExpiredException() {
    saveOrders(3);
    Page<Order> p1 = orders.findAll(PageRequest.ofSize(1));
    orders.save(Order.of("eu", "later", 1));
    long now = Blocking.get(client.kv().get("/x")).header().revision();
    Blocking.get(client.kv().compact(now, true));

    PageRequest next = PageRequest.ofSize(1).withToken(p1.nextToken());
    assertThatThrownBy(() -> orders.findAll(next))
        .isInstanceOfSatisfying(
            PageExpiredException.class,
            e -> {
              assertThat(e.revision()).isEqualTo(p1.revision());
              assertThat(e).hasMessageContaining("read again from the first page");
            });
    assertThat(orders.findAll(PageRequest.ofSize(10)).content()).hasSize(4);
  }
}
