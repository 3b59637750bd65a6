package io.typedetcd.client.internal;

import com.google.protobuf.MessageLite;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.typedetcd.client.EtcdException;
import io.typedetcd.client.auth.Auth;
import io.typedetcd.client.auth.AuthStatus;
import io.typedetcd.client.auth.Permission;
import io.typedetcd.proto.authpb.UserAddOptions;
import io.typedetcd.proto.etcdserverpb.AuthDisableRequest;
import io.typedetcd.proto.etcdserverpb.AuthEnableRequest;
import io.typedetcd.proto.etcdserverpb.AuthGrpc;
import io.typedetcd.proto.etcdserverpb.AuthRoleAddRequest;
import io.typedetcd.proto.etcdserverpb.AuthRoleDeleteRequest;
import io.typedetcd.proto.etcdserverpb.AuthRoleGetRequest;
import io.typedetcd.proto.etcdserverpb.AuthRoleGrantPermissionRequest;
import io.typedetcd.proto.etcdserverpb.AuthRoleListRequest;
import io.typedetcd.proto.etcdserverpb.AuthRoleRevokePermissionRequest;
import io.typedetcd.proto.etcdserverpb.AuthStatusRequest;
import io.typedetcd.proto.etcdserverpb.AuthUserAddRequest;
import io.typedetcd.proto.etcdserverpb.AuthUserChangePasswordRequest;
import io.typedetcd.proto.etcdserverpb.AuthUserDeleteRequest;
import io.typedetcd.proto.etcdserverpb.AuthUserGetRequest;
import io.typedetcd.proto.etcdserverpb.AuthUserGrantRoleRequest;
import io.typedetcd.proto.etcdserverpb.AuthUserListRequest;
import io.typedetcd.proto.etcdserverpb.AuthUserRevokeRoleRequest;
import io.typedetcd.proto.etcdserverpb.AuthenticateRequest;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/** {@link Auth} over etcd's gRPC API; failures are reworded to name the user or role. */
final class AuthImpl implements Auth {
  /** A user name no one has: etcd 3.4's answer to authenticating it tells whether auth is on. */
  static final String PROBE_USER = "typed-etcd-auth-status-probe";

  private final Rpc rpc;
  private final Namespace ns;

  AuthImpl(Rpc rpc, Namespace ns) {
    this.rpc = rpc;
    this.ns = ns;
  }

  @Override
  public CompletableFuture<Void> enable() {
    return write(
        AuthGrpc.getAuthEnableMethod(), AuthEnableRequest.getDefaultInstance(), null, null);
  }

  @Override
  public CompletableFuture<Void> disable() {
    return write(
        AuthGrpc.getAuthDisableMethod(), AuthDisableRequest.getDefaultInstance(), null, null);
  }

  @Override
  public CompletableFuture<AuthStatus> status() {
    return rpc.unary(
            AuthGrpc.getAuthStatusMethod(),
            AuthStatusRequest.getDefaultInstance(),
            Rpc.Kind.READ,
            null)
        .thenApply(r -> new AuthStatus(r.getEnabled(), r.getAuthRevision()))
        .exceptionallyCompose(
            e -> {
              Status s = Errors.toEtcd(e, null, false, false).grpcStatus();
              return s != null && s.getCode() == Status.Code.UNIMPLEMENTED
                  ? statusByAuthenticating()
                  : CompletableFuture.failedFuture(Errors.unwrap(e));
            });
  }

  /** etcd 3.4: "authentication is not enabled" comes back exactly when auth is off. */
  private CompletableFuture<AuthStatus> statusByAuthenticating() {
    AuthenticateRequest probe =
        AuthenticateRequest.newBuilder().setName(PROBE_USER).setPassword("").build();
    return rpc.unary(AuthGrpc.getAuthenticateMethod(), probe, Rpc.Kind.READ, null)
        .handle(
            (token, e) -> {
              if (e == null) {
                return new AuthStatus(true, 0);
              }
              EtcdException error = Errors.toEtcd(e, null, false, false);
              String d = error.grpcStatus() == null ? "" : Errors.description(error.grpcStatus());
              if (d.equals("etcdserver: authentication is not enabled")) {
                return new AuthStatus(false, 0);
              }
              if (d.startsWith("etcdserver: authentication failed")) {
                return new AuthStatus(true, 0);
              }
              throw error;
            });
  }

  @Override
  public CompletableFuture<Void> addUser(String name, String password) {
    if (Objects.requireNonNull(password, "password").isEmpty()) {
      throw new IllegalArgumentException(
          "password must not be empty; use addUser(name) for a user without password");
    }
    AuthUserAddRequest request =
        AuthUserAddRequest.newBuilder().setName(name("name", name)).setPassword(password).build();
    return write(AuthGrpc.getUserAddMethod(), request, name, null);
  }

  @Override
  public CompletableFuture<Void> addUser(String name) {
    AuthUserAddRequest request =
        AuthUserAddRequest.newBuilder()
            .setName(name("name", name))
            .setOptions(UserAddOptions.newBuilder().setNoPassword(true))
            .build();
    return write(AuthGrpc.getUserAddMethod(), request, name, null);
  }

  @Override
  public CompletableFuture<List<String>> getUser(String name) {
    AuthUserGetRequest request =
        AuthUserGetRequest.newBuilder().setName(name("name", name)).build();
    return read(AuthGrpc.getUserGetMethod(), request, name, null)
        .thenApply(r -> List.copyOf(r.getRolesList()));
  }

  @Override
  public CompletableFuture<List<String>> listUsers() {
    return read(AuthGrpc.getUserListMethod(), AuthUserListRequest.getDefaultInstance(), null, null)
        .thenApply(r -> List.copyOf(r.getUsersList()));
  }

  @Override
  public CompletableFuture<Void> deleteUser(String name) {
    AuthUserDeleteRequest request =
        AuthUserDeleteRequest.newBuilder().setName(name("name", name)).build();
    return write(AuthGrpc.getUserDeleteMethod(), request, name, null);
  }

  @Override
  public CompletableFuture<Void> changePassword(String name, String password) {
    if (Objects.requireNonNull(password, "password").isEmpty()) {
      throw new IllegalArgumentException("password must not be empty");
    }
    AuthUserChangePasswordRequest request =
        AuthUserChangePasswordRequest.newBuilder()
            .setName(name("name", name))
            .setPassword(password)
            .build();
    return write(AuthGrpc.getUserChangePasswordMethod(), request, name, null);
  }

  @Override
  public CompletableFuture<Void> grantRole(String user, String role) {
    AuthUserGrantRoleRequest request =
        AuthUserGrantRoleRequest.newBuilder()
            .setUser(name("user", user))
            .setRole(name("role", role))
            .build();
    return write(AuthGrpc.getUserGrantRoleMethod(), request, user, role);
  }

  @Override
  public CompletableFuture<Void> revokeRole(String user, String role) {
    AuthUserRevokeRoleRequest request =
        AuthUserRevokeRoleRequest.newBuilder()
            .setName(name("user", user))
            .setRole(name("role", role))
            .build();
    return write(AuthGrpc.getUserRevokeRoleMethod(), request, user, role);
  }

  @Override
  public CompletableFuture<Void> addRole(String name) {
    AuthRoleAddRequest request =
        AuthRoleAddRequest.newBuilder().setName(name("name", name)).build();
    return write(AuthGrpc.getRoleAddMethod(), request, null, name);
  }

  @Override
  public CompletableFuture<List<Permission>> getRole(String name) {
    AuthRoleGetRequest request =
        AuthRoleGetRequest.newBuilder().setRole(name("name", name)).build();
    return read(AuthGrpc.getRoleGetMethod(), request, null, name)
        .thenApply(r -> r.getPermList().stream().map(p -> Permissions.fromProto(p, ns)).toList());
  }

  @Override
  public CompletableFuture<List<String>> listRoles() {
    return read(AuthGrpc.getRoleListMethod(), AuthRoleListRequest.getDefaultInstance(), null, null)
        .thenApply(r -> List.copyOf(r.getRolesList()));
  }

  @Override
  public CompletableFuture<Void> deleteRole(String name) {
    AuthRoleDeleteRequest request =
        AuthRoleDeleteRequest.newBuilder().setRole(name("name", name)).build();
    return write(AuthGrpc.getRoleDeleteMethod(), request, null, name);
  }

  @Override
  public CompletableFuture<Void> grantPermission(String role, Permission permission) {
    Objects.requireNonNull(permission, "permission");
    AuthRoleGrantPermissionRequest request =
        AuthRoleGrantPermissionRequest.newBuilder()
            .setName(name("role", role))
            .setPerm(Permissions.toProto(permission, ns))
            .build();
    return write(AuthGrpc.getRoleGrantPermissionMethod(), request, null, role, permission);
  }

  @Override
  public CompletableFuture<Void> revokePermission(String role, Permission permission) {
    Objects.requireNonNull(permission, "permission");
    AuthRoleRevokePermissionRequest request =
        AuthRoleRevokePermissionRequest.newBuilder()
            .setRole(name("role", role))
            .setKey(Permissions.key(permission.keyBytes(), ns))
            .setRangeEnd(ns.addEnd(permission.rangeEndBytes()))
            .build();
    return write(AuthGrpc.getRoleRevokePermissionMethod(), request, null, role, permission);
  }

  /** Called once when the client closes, before the channel shuts down. */
  void close() {}

  private <Q extends MessageLite, R> CompletableFuture<Void> write(
      MethodDescriptor<Q, R> method, Q request, @Nullable String user, @Nullable String role) {
    return write(method, request, user, role, null);
  }

  private <Q extends MessageLite, R> CompletableFuture<Void> write(
      MethodDescriptor<Q, R> method,
      Q request,
      @Nullable String user,
      @Nullable String role,
      @Nullable Permission permission) {
    String key = permission == null ? null : permission.key();
    return explain(rpc.unary(method, request, Rpc.Kind.WRITE, key), user, role, permission)
        .thenApply(r -> null);
  }

  private <Q extends MessageLite, R> CompletableFuture<R> read(
      MethodDescriptor<Q, R> method, Q request, @Nullable String user, @Nullable String role) {
    return explain(rpc.unary(method, request, Rpc.Kind.READ, null), user, role, null);
  }

  private static <R> CompletableFuture<R> explain(
      CompletableFuture<R> call,
      @Nullable String user,
      @Nullable String role,
      @Nullable Permission permission) {
    return call.exceptionallyCompose(
        e -> CompletableFuture.failedFuture(AuthErrors.explain(e, user, role, permission)));
  }

  private static String name(String what, String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return value;
  }
}
