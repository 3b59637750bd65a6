package io.typedetcd.client.auth;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * etcd's users, roles and permissions, and switching authentication on and off.
 *
 * <pre>{@code
 * Auth auth = client.auth();
 * auth.addRole("reader").join();
 * auth.grantPermission("reader", Permission.forPrefix(Permission.Type.READ, "/config/")).join();
 * auth.addUser("app", "secret").join();
 * auth.grantRole("app", "reader").join();
 * auth.addUser("root", "rootpw").join();
 * auth.grantRole("root", "root").join();
 * auth.enable().join();
 * }</pre>
 *
 * <p>User and role names are not namespaced; permission keys are: with a client namespace, a
 * permission on {@code "/config/"} covers {@code namespace + "/config/"} in etcd, and {@link
 * #getRole} strips it again. Failures name the user or role: for example {@code addUser} of an
 * existing user fails with an {@code EtcdException} "user 'app' already exists".
 */
public interface Auth {
  /** Turns authentication on; etcd requires user {@code root} with role {@code root} first. */
  CompletableFuture<Void> enable();

  /** Turns authentication off (needs the root role while it is on). */
  CompletableFuture<Void> disable();

  /**
   * Whether authentication is on. etcd 3.5+ answers AuthStatus; etcd 3.4 does not have it, and
   * there the answer comes from an Authenticate call for a user name nobody has: etcd 3.4 answers
   * "authentication is not enabled" exactly when it is off (it logs the failed attempt as a
   * warning).
   */
  CompletableFuture<AuthStatus> status();

  /** Creates a user that logs in with this (non-empty) password. */
  CompletableFuture<Void> addUser(String name, String password);

  /** Creates a user without a password, who can only log in with a client certificate. */
  CompletableFuture<Void> addUser(String name);

  /** The roles granted to the user. */
  CompletableFuture<List<String>> getUser(String name);

  /** Every user name, ordered by name as etcd stores them. */
  CompletableFuture<List<String>> listUsers();

  CompletableFuture<Void> deleteUser(String name);

  CompletableFuture<Void> changePassword(String name, String password);

  CompletableFuture<Void> grantRole(String user, String role);

  CompletableFuture<Void> revokeRole(String user, String role);

  CompletableFuture<Void> addRole(String name);

  /** The role's permissions, with the client's namespace removed from their keys. */
  CompletableFuture<List<Permission>> getRole(String name);

  /** Every role name, ordered by name as etcd stores them. */
  CompletableFuture<List<String>> listRoles();

  CompletableFuture<Void> deleteRole(String name);

  /** Grants the permission to the role; granting the same key range again replaces its type. */
  CompletableFuture<Void> grantPermission(String role, Permission permission);

  /**
   * Removes the role's permission on exactly this key or range (the permission's type is not
   * compared: a role has at most one permission per range). A permission read with {@link #getRole}
   * can be passed back as it is.
   */
  CompletableFuture<Void> revokePermission(String role, Permission permission);
}
