package io.typedetcd.benchmarks.codec;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.Key;
import io.typedetcd.annotation.Version;

/** A contended counter for the update benchmark. */
@EtcdEntity(prefix = "/bench/counters")
public record Counter(@Key String name, long value, @Version long version) {
  public Counter increment() {
    return new Counter(name, value + 1, version);
  }
}
