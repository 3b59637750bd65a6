package io.typedetcd.examples.config;

import io.typedetcd.client.EtcdClient;
import io.typedetcd.repository.Repositories;
import io.typedetcd.testing.EtcdServer;
import io.typedetcd.testing.Eventually;
import java.time.Duration;
import java.util.List;

/**
 * Live configuration on a throwaway etcd: the application "web" follows its configuration while an
 * operator edits it with {@code etcdctl put}; good edits are reloaded at once, bad ones rejected.
 *
 * <pre>{@code DEMO_MAIN=io.typedetcd.examples.config.ConfigDemo scripts/demo.sh}</pre>
 */
public final class ConfigDemo {
  private ConfigDemo() {}

  public static void main(String[] args) throws Exception {
    try (EtcdServer etcd = EtcdServer.builder().name("config-demo").build()) {
      etcd.start();
      say("started a throwaway etcd at %s", etcd.endpoint());
      try (EtcdClient client = EtcdClient.builder().endpoints(etcd.endpoint()).build()) {
        run(etcd, Repositories.create(AppConfig.Repository.class, client));
      }
    }
    say("stopped etcd and deleted its data; bye");
  }

  private static void run(EtcdServer etcd, AppConfig.Repository configs)
      throws InterruptedException {
    AppConfig defaults = new AppConfig("web", 100, false, "hello");
    configs.save(defaults);
    say("stored web's configuration: %s", defaults);
    say(
        "etcd holds it as one key per property:%n%s",
        etcd.etcdctl("get", "--prefix", "/config/apps/web/"));
    try (LiveConfig live = LiveConfig.start(configs, defaults, ConfigDemo::say)) {
      say("web is running with %s", live.current());
      for (List<String> edit :
          List.of(
              List.of("maxConnections", "250"),
              List.of("greeting", "welcome back"),
              List.of("maxConnections", "lots"),
              List.of("maxConnections", "0"),
              List.of("maxConnections", "500"),
              List.of("maintenance", "true"))) {
        AppConfig before = live.current();
        int rejected = live.rejections().size();
        String key = "/config/apps/web/" + edit.get(0);
        say("operator: etcdctl put %s '%s'", key, edit.get(1));
        etcd.etcdctl("put", key, edit.get(1));
        Eventually.until(
            Duration.ofSeconds(5),
            "web reacts to the edit",
            () -> live.current() != before || live.rejections().size() != rejected);
      }
      say("web ends with %s", live.current());
    }
  }

  private static void say(String format, Object... args) {
    say(String.format(format, args));
  }

  private static void say(String line) {
    System.out.println("demo: " + line);
  }
}
