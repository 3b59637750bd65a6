package io.typedetcd.client.lease;

/** etcd's Lease service. (Being written: see issue 3.) */
public interface Lease {}
