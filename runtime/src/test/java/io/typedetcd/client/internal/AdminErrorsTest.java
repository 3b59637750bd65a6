package io.typedetcd.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.typedetcd.client.AuthenticationException;
import io.typedetcd.client.OutcomeUnknownException;
import io.typedetcd.client.PermissionDeniedException;
import org.junit.jupiter.api.Test;

/** The error mappings the auth, cluster and maintenance services rely on. */
class AdminErrorsTest {
  static io.typedetcd.client.EtcdException map(Status.Code code, String d, boolean mutates) {
    return Errors.toEtcd(
        Status.fromCode(code).withDescription(d).asRuntimeException(), "/k", mutates, true);
  }

  @Test
  void authStoreErrorsSentAsUnknownAreTyped() {
    assertThat(map(Status.Code.UNKNOWN, "auth: permission denied", false))
        .isInstanceOf(PermissionDeniedException.class);
    assertThat(map(Status.Code.UNKNOWN, "auth: user name is empty", true))
        .isInstanceOf(AuthenticationException.class);
    assertThat(
            map(
                Status.Code.UNKNOWN,
                "auth: authentication failed, password was given for no password user",
                false))
        .isInstanceOf(AuthenticationException.class);
    assertThat(Errors.isInvalidToken(Status.UNKNOWN.withDescription("auth: invalid auth token")))
        .isTrue();
  }

  @Test
  void aClientWithoutUserIsToldHowToAuthenticate() {
    assertThat(map(Status.Code.INVALID_ARGUMENT, "etcdserver: user name is empty", false))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("user(name, password)")
        .hasMessageContaining("/k");
  }

  @Test
  void aMembershipChangeRefusedAsUnhealthyWasNotApplied() {
    Status unhealthy = Status.UNAVAILABLE.withDescription("etcdserver: unhealthy cluster");
    assertThat(Errors.isRetryable(unhealthy, true, true)).isTrue();
    assertThat(map(Status.Code.UNAVAILABLE, "etcdserver: leader changed", true))
        .isInstanceOf(OutcomeUnknownException.class);
  }
}
