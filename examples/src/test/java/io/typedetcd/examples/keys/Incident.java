package io.typedetcd.examples.keys;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.repository.CrudRepository;
import java.time.LocalDate;
import java.util.List;

/** Keyed by a day through a user {@link SlashedDayCodec}, then a sequence number. */
@EtcdEntity(prefix = "/ex/keys/incidents")
public record Incident(
    @Key(codec = SlashedDayCodec.class) LocalDate day, @Key int seq, String title) {

  @EtcdRepository
  public interface Repository extends CrudRepository<Incident, Incident_Id> {
    List<Incident> findByDay(LocalDate day);

    List<Incident> findAllOrderByDayDesc();

    long countByDay(LocalDate day);
  }
}
