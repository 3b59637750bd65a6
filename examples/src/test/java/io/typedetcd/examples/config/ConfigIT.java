package io.typedetcd.examples.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.typedetcd.client.EtcdClient;
import io.typedetcd.repository.Repositories;
import io.typedetcd.testing.EtcdExtension;
import io.typedetcd.testing.Eventually;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The live configuration example: an operator edits with etcdctl, the application follows. */
class ConfigIT {
  @RegisterExtension static final EtcdExtension etcd = EtcdExtension.builder().build();

  static final Duration WAIT = Duration.ofSeconds(5);
  static final AppConfig DEFAULTS = new AppConfig("web", 100, false, "hello");

  static EtcdClient client;
  static AppConfig.Repository configs;
  LiveConfig live;

  @BeforeAll
  static void connect() {
    client = EtcdClient.builder().endpoints(etcd.endpoint()).build();
    configs = Repositories.create(AppConfig.Repository.class, client);
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @BeforeEach
  void storeDefaults() {
    configs.deleteAll();
    configs.save(DEFAULTS);
  }

  @AfterEach
  void stop() {
    if (live != null) {
      live.close();
    }
  }

  static void put(String property, String value) {
    etcd.etcdctl("put", "--", "/config/apps/web/" + property, value); // "--": values like -5
  }

  @Test
  void theStoredConfigIsOnePlainKeyPerProperty() {
    assertThat(etcd.etcdctl("get", "--prefix", "/config/apps/web/"))
        .isEqualTo(
            String.join(
                "\n",
                "/config/apps/web/greeting",
                "hello",
                "/config/apps/web/maintenance",
                "false",
                "/config/apps/web/maxConnections",
                "100",
                ""));
  }

  @Test
  void operatorEditsAreReloadedLive() throws Exception {
    live = LiveConfig.start(configs, DEFAULTS, System.out::println);
    assertThat(live.current()).isEqualTo(DEFAULTS);

    put("maxConnections", "250");
    Eventually.until(WAIT, "maxConnections 250", () -> live.current().maxConnections() == 250);
    put("maintenance", "true");
    Eventually.until(WAIT, "maintenance on", () -> live.current().maintenance());
    put("greeting", "welcome back");
    Eventually.until(WAIT, "new greeting", () -> live.current().greeting().equals("welcome back"));

    assertThat(live.current()).isEqualTo(new AppConfig("web", 250, true, "welcome back"));
    assertThat(live.rejections()).isEmpty();
    assertThat(configs.findById("web")).contains(live.current());
  }

  @Test
  void anUnreadableValueIsRejectedAndTheLastGoodConfigStays() throws Exception {
    live = LiveConfig.start(configs, DEFAULTS, System.out::println);
    put("maxConnections", "250");
    Eventually.until(WAIT, "maxConnections 250", () -> live.current().maxConnections() == 250);
    AppConfig good = live.current();

    put("maxConnections", "lots");
    Eventually.until(WAIT, "a rejection", () -> live.rejections().size() == 1);
    assertThat(live.rejections().get(0)).startsWith("unreadable").contains("maxConnections");
    assertThat(live.current()).isSameAs(good);

    // Another property changes while maxConnections is still unreadable: still rejected.
    put("maintenance", "true");
    Eventually.until(WAIT, "a second rejection", () -> live.rejections().size() == 2);
    assertThat(live.current()).isSameAs(good);

    put("maxConnections", "300");
    Eventually.until(WAIT, "maxConnections 300", () -> live.current().maxConnections() == 300);
    assertThat(live.current()).isEqualTo(new AppConfig("web", 300, true, "hello"));
  }

  @Test
  void aValueBreakingAnApplicationRuleIsRejected() throws Exception {
    live = LiveConfig.start(configs, DEFAULTS, System.out::println);

    put("maxConnections", "-5");
    Eventually.until(WAIT, "a rejection", () -> live.rejections().size() == 1);
    put("maxConnections", "20000");
    Eventually.until(WAIT, "a second rejection", () -> live.rejections().size() == 2);
    put("maxConnections", "100");
    put("greeting", " ");
    Eventually.until(WAIT, "a third rejection", () -> live.rejections().size() == 3);

    assertThat(live.rejections())
        .containsExactly(
            "invalid: maxConnections must be between 1 and 10000, was -5",
            "invalid: maxConnections must be between 1 and 10000, was 20000",
            "invalid: greeting must not be blank");
    assertThat(live.current()).isSameAs(DEFAULTS);
    // The bad value is in etcd: the application just does not use it.
    assertThat(configs.findById("web")).contains(new AppConfig("web", 100, false, " "));
  }

  @Test
  void startsFromTheStoredConfigAndKeepsTheLastGoodOneWhenItIsDeleted() throws Exception {
    AppConfig stored = configs.save(new AppConfig("web", 42, true, "stored"));
    configs.save(new AppConfig("batch", 7, false, "other app"));
    live = LiveConfig.start(configs, DEFAULTS, System.out::println);
    assertThat(live.current()).isEqualTo(stored);

    put("maxConnections", "43");
    Eventually.until(WAIT, "maxConnections 43", () -> live.current().maxConnections() == 43);
    etcd.etcdctl("del", "--prefix", "/config/apps/web/");
    etcd.etcdctl("put", "/config/apps/batch/maxConnections", "8");
    long revision = client.kv().get("/config/apps/batch/maxConnections").join().header().revision();
    Eventually.until(WAIT, "both changes seen", () -> live.seenRevision() >= revision);
    assertThat(configs.findById("web")).isEmpty();
    // The delete left the last good config in place; another application's change is not ours.
    assertThat(live.current()).isEqualTo(new AppConfig("web", 43, true, "stored"));
    assertThat(live.rejections()).isEmpty();
  }
}
