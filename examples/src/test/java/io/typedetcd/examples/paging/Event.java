package io.typedetcd.examples.paging;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.repository.CrudRepository;
import java.util.stream.Stream;

/** An append-only event, many thousands of them. */
@EtcdEntity(prefix = "/ex/events")
public record Event(@Key String stream, @Key long seq, String payload) {

  @EtcdRepository
  public interface Repository extends CrudRepository<Event, Event_Id> {
    Stream<Event> streamByStream(String stream);

    Stream<Event> streamByStreamOrderBySeqDesc(String stream);
  }
}
