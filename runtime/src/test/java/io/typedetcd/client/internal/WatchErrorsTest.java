package io.typedetcd.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.typedetcd.client.AuthenticationException;
import io.typedetcd.client.CompactedException;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.PermissionDeniedException;
import org.junit.jupiter.api.Test;

class WatchErrorsTest {
  @Test
  void etcdsGrpcErrorPrefixIsStrippedFromCancelReasons() {
    assertThat(
            Errors.watchCancelReason(
                "rpc error: code = PermissionDenied desc = etcdserver: permission denied"))
        .isEqualTo("etcdserver: permission denied");
    assertThat(Errors.watchCancelReason("mvcc: watcher range is empty"))
        .isEqualTo("mvcc: watcher range is empty");
  }

  @Test
  void cancelReasonsBecomeTypedExceptions() {
    EtcdException compacted = Errors.watchCanceled("", 42, "/k", 7);
    assertThat(compacted).isInstanceOf(CompactedException.class).hasMessageContaining("42");
    assertThat(((CompactedException) compacted).compactRevision()).isEqualTo(42);
    assertThat(Errors.watchCanceled("etcdserver: permission denied", 0, "/k", 0))
        .isInstanceOf(PermissionDeniedException.class);
    assertThat(Errors.watchCanceled("etcdserver: invalid auth token", 0, "/k", 0))
        .isInstanceOf(AuthenticationException.class);
    assertThat(Errors.watchCanceled("", 0, "/k", 0))
        .hasMessage("etcd cancelled the watch (key '/k'): no reason given");
  }

  @Test
  void withAuthAPlainDenialMayBeAnExpiredToken() {
    assertThat(Errors.isWatchTokenProblem("etcdserver: permission denied", true)).isTrue();
    assertThat(Errors.isWatchTokenProblem("etcdserver: permission denied", false)).isFalse();
    assertThat(Errors.isWatchTokenProblem("etcdserver: invalid auth token", false)).isTrue();
  }
}
