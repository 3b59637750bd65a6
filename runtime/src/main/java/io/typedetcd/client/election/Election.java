package io.typedetcd.client.election;

/** etcd's Election service. (Being written: see issue 3.) */
public interface Election {}
