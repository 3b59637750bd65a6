package io.typedetcd.examples.keys;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.repository.CrudRepository;
import java.util.List;
import java.util.stream.Stream;

/** A measurement keyed by sensor and a long timestamp that may be negative. */
@EtcdEntity(prefix = "/ex/keys/readings")
public record Reading(@Key String sensor, @Key long at, double value) {

  @EtcdRepository
  public interface Repository extends CrudRepository<Reading, Reading_Id> {
    List<Reading> findBySensor(String sensor);

    List<Reading> findBySensorOrderByAtDesc(String sensor);

    Stream<Reading> streamBySensorOrderByAtDesc(String sensor);

    List<Reading> findTop2BySensorOrderByAtDesc(String sensor);
  }
}
