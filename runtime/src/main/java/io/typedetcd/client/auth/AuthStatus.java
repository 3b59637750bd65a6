package io.typedetcd.client.auth;

/**
 * Whether etcd checks credentials.
 *
 * <pre>{@code
 * if (!client.auth().status().join().enabled()) { ... }
 * }</pre>
 *
 * @param enabled authentication is on
 * @param authRevision revision of etcd's auth store; 0 when the server does not report it (etcd
 *     3.4, which has no AuthStatus call)
 */
public record AuthStatus(boolean enabled, long authRevision) {}
