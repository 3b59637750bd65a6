package io.typedetcd.client.auth;

/** etcd's Auth service. (Being written: see issue 3.) */
public interface Auth {}
