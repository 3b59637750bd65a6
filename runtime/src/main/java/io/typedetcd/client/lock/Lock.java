package io.typedetcd.client.lock;

/** etcd's Lock service. (Being written: see issue 3.) */
public interface Lock {}
