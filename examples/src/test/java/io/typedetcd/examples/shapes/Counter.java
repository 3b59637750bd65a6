package io.typedetcd.examples.shapes;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.annotation.Layout;
import io.typedetcd.annotation.Version;
import io.typedetcd.repository.CrudRepository;

/** A class with public fields in the FIELDS layout, keyed by an int. */
@EtcdEntity(prefix = "/ex/shapes/counters", layout = Layout.FIELDS)
public class Counter {
  @Key public int id;
  public String label;
  public long value;
  @Version public long version;

  public Counter() {}

  public Counter(int id, String label, long value) {
    this.id = id;
    this.label = label;
    this.value = value;
  }

  @EtcdRepository
  public interface Repository extends CrudRepository<Counter, Integer> {}
}
