package io.typedetcd.benchmarks.codec;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.Key;
import java.util.List;

/**
 * A service-registry record of realistic shape, the subject of the codec and repository benchmarks.
 * No {@code @Version}: saves are upserts, like the raw puts they are compared with.
 */
@EtcdEntity(prefix = "/bench/instances")
public record Instance(
    @Key String region,
    @Key String id,
    String host,
    int port,
    boolean healthy,
    long startedAtMillis,
    double weight,
    String zone,
    List<String> tags) {

  /** The id of an instance: its region and id. */
  public record Id(String region, String id) {}
}
