package io.typedetcd.client.internal;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.typedetcd.proto.etcdserverpb.AuthGrpc;
import io.typedetcd.proto.etcdserverpb.AuthenticateRequest;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Holds the auth token of a client with a user name and attaches it to every call. When etcd says a
 * token is invalid (simple tokens expire), {@link #refresh} gets a new one; concurrent callers that
 * saw the same stale token share one Authenticate call.
 */
public final class AuthTokens implements ClientInterceptor {
  static final Metadata.Key<String> TOKEN =
      Metadata.Key.of("token", Metadata.ASCII_STRING_MARSHALLER);

  private final String user;
  private final String password;
  private @Nullable Rpc rpc;
  private volatile @Nullable String token;
  private @Nullable CompletableFuture<String> refreshing;

  AuthTokens(String user, String password) {
    this.user = user;
    this.password = password;
  }

  void bind(Rpc rpc) {
    this.rpc = rpc;
  }

  /** The token in use now, or null before the first authentication. */
  public @Nullable String current() {
    return token;
  }

  /**
   * Authenticates again unless another caller already replaced {@code stale}; completes with the
   * token to use.
   */
  public synchronized CompletableFuture<String> refresh(@Nullable String stale) {
    String now = token;
    if (now != null && !now.equals(stale)) {
      return CompletableFuture.completedFuture(now);
    }
    if (refreshing != null && !refreshing.isDone()) {
      return refreshing;
    }
    AuthenticateRequest request =
        AuthenticateRequest.newBuilder().setName(user).setPassword(password).build();
    CompletableFuture<String> next =
        rpc.unary(AuthGrpc.getAuthenticateMethod(), request, Rpc.Kind.READ, null)
            .thenApply(
                response -> {
                  token = response.getToken();
                  return response.getToken();
                });
    refreshing = next;
    return next;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    ClientCall<Q, R> call = next.newCall(method, options);
    if (method == AuthGrpc.getAuthenticateMethod()) {
      return call;
    }
    return new SimpleForwardingClientCall<>(call) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        String t = token;
        if (t != null) {
          headers.put(TOKEN, t);
        }
        super.start(listener, headers);
      }
    };
  }
}
