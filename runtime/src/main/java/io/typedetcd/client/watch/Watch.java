package io.typedetcd.client.watch;

/** etcd's Watch service. (Being written: see issue 3.) */
public interface Watch {}
