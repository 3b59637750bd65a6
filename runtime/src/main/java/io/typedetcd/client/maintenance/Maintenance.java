package io.typedetcd.client.maintenance;

/** etcd's Maintenance service. (Being written: see issue 3.) */
public interface Maintenance {}
