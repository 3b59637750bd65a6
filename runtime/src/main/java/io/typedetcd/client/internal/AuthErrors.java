package io.typedetcd.client.internal;

import io.typedetcd.client.EtcdException;
import io.typedetcd.client.auth.Permission;
import org.jspecify.annotations.Nullable;

/** Rewords etcd's terse auth-management errors so they name the user, role or permission. */
final class AuthErrors {
  private AuthErrors() {}

  static EtcdException explain(
      Throwable failure,
      @Nullable String user,
      @Nullable String role,
      @Nullable Permission permission) {
    EtcdException error =
        Errors.toEtcd(failure, permission == null ? null : permission.key(), false, false);
    if (error.grpcStatus() == null) {
      return error;
    }
    String d = Errors.description(error.grpcStatus());
    String text = text(d, user, role, permission);
    return text == null ? error : new EtcdException(text + " (" + d + ")", error.key(), error);
  }

  /** A sentence for the errors of etcd's auth store; null for any other error. */
  static @Nullable String text(
      String d, @Nullable String user, @Nullable String role, @Nullable Permission permission) {
    switch (d) {
      case "etcdserver: user name already exists":
        return "user '" + user + "' already exists";
      case "etcdserver: user name not found":
        return "user '" + user + "' does not exist";
      case "etcdserver: role name already exists":
        return "role '" + role + "' already exists";
      case "etcdserver: role name not found":
        return "role '" + role + "' does not exist";
      case "etcdserver: role is not granted to the user":
        return "user '" + user + "' does not have role '" + role + "'";
      case "etcdserver: permission is not granted to the role":
        return "role '" + role + "' has no permission on " + range(permission);
      case "etcdserver: root user does not exist":
        return "authentication cannot be enabled before user 'root' exists";
      case "etcdserver: root user does not have root role":
        return "authentication cannot be enabled before user 'root' has role 'root'";
      case "etcdserver: invalid auth management":
        return "etcd keeps user 'root' and its role 'root' while authentication is enabled";
      default:
        return null;
    }
  }

  private static String range(@Nullable Permission permission) {
    if (permission == null) {
      return "this range";
    }
    String s = permission.toString();
    return s.substring(s.indexOf(' ') + 1);
  }
}
