package io.typedetcd.benchmarks.codec;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.Indexed;
import io.typedetcd.annotation.Key;
import java.util.List;

/** {@link Instance} with two secondary indexes, for the cost of index maintenance on save. */
@EtcdEntity(prefix = "/bench/indexed")
public record IndexedInstance(
    @Key String region,
    @Key String id,
    @Indexed(unique = true) String host,
    int port,
    boolean healthy,
    long startedAtMillis,
    double weight,
    @Indexed String zone,
    List<String> tags) {

  /** The id of an instance: its region and id. */
  public record Id(String region, String id) {}
}
