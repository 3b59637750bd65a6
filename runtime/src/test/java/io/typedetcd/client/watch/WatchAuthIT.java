package io.typedetcd.client.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.typedetcd.client.Blocking;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.PermissionDeniedException;
import io.typedetcd.testing.EtcdServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Watches with authentication: denials, and tokens that etcd forgot across a restart. */
class WatchAuthIT {
  static EtcdServer server;

  @BeforeAll
  static void start() {
    server = EtcdServer.builder().build();
    server.start();
    server.etcdctl("user", "add", "root:rootpw");
    server.etcdctl("role", "add", "reader");
    server.etcdctl("role", "grant-permission", "reader", "--prefix=true", "read", "/ok/");
    server.etcdctl("user", "add", "limited:pw");
    server.etcdctl("user", "grant-role", "limited", "reader");
    server.etcdctl("auth", "enable");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static EtcdClient connect(String user, String password) {
    return EtcdClient.builder().endpoints(server.endpoint()).user(user, password).build();
  }

  @Test
  void aDeniedWatchFailsAloneAndOthersOnTheStreamCarryOn() {
    try (EtcdClient root = connect("root", "rootpw");
        EtcdClient limited = connect("limited", "pw")) {
      Recorder allowed = new Recorder();
      Recorder denied = new Recorder();
      Recorder after = new Recorder();
      try (Watcher a = limited.watch().watch("/ok/a", allowed);
          Watcher d = limited.watch().watch("/secret", denied)) {
        Blocking.get(a.created());
        assertThat(denied.awaitError()).isInstanceOf(PermissionDeniedException.class);
        assertThat(denied.error.get().key()).isEqualTo("/secret");
        try (Watcher b = limited.watch().watch("/ok/b", after)) {
          Blocking.get(b.created());
          long r1 = Blocking.get(root.kv().put("/ok/a", "1")).header().revision();
          long r2 = Blocking.get(root.kv().put("/ok/b", "2")).header().revision();
          allowed.awaitEvents(1);
          after.awaitEvents(1);
          assertThat(allowed.revisions()).containsExactly(r1);
          assertThat(after.revisions()).containsExactly(r2);
          assertThat(d.revision()).isZero();
        }
      }
    }
  }

  @Test
  void aWatchResumesWithAFreshTokenAfterTheServerForgotItsToken() {
    try (EtcdClient root = connect("root", "rootpw");
        EtcdClient limited = connect("limited", "pw")) {
      Recorder r = new Recorder();
      List<Long> written = new ArrayList<>();
      try (Watcher w = limited.watch().watch("/ok/resume/", WatchOptions.DEFAULT.withPrefix(), r)) {
        Blocking.get(w.created());
        written.add(Blocking.get(root.kv().put("/ok/resume/1", "a")).header().revision());
        r.awaitEvents(1);
        // Simple tokens live in the server's memory: after a restart every token is invalid.
        server.restart();
        for (int i = 2; i <= 4; i++) {
          written.add(Blocking.get(root.kv().put("/ok/resume/" + i, "a")).header().revision());
        }
        r.awaitEvents(4);
        assertThat(r.revisions()).containsExactlyElementsOf(written);
        assertThat(r.error.get()).isNull();
      }
    }
  }
}
