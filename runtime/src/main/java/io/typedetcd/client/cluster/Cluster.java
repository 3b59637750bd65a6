package io.typedetcd.client.cluster;

/** etcd's Cluster service. (Being written: see issue 3.) */
public interface Cluster {}
