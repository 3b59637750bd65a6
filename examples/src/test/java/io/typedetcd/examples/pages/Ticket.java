package io.typedetcd.examples.pages;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Indexed;
import io.typedetcd.annotation.Key;
import io.typedetcd.annotation.Version;
import io.typedetcd.repository.CrudRepository;
import io.typedetcd.repository.Page;
import io.typedetcd.repository.PageRequest;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** A ticket of a queue: an int key (sorts numerically) and an index on its status. */
@EtcdEntity(prefix = "/ex/pages/tickets")
public record Ticket(
    @Key String queue, @Key int number, @Indexed String status, @Version long version) {

  public static Ticket of(String queue, int number, String status) {
    return new Ticket(queue, number, status, 0);
  }

  public Ticket withStatus(String s) {
    return new Ticket(queue, number, s, version);
  }

  @EtcdRepository
  public interface Repository extends CrudRepository<Ticket, Ticket_Id> {
    // Pages of an index value.
    Page<Ticket> findByStatus(String status, PageRequest page);

    CompletableFuture<Page<Ticket>> findByStatusAsync(String status, PageRequest page);

    Stream<Ticket> streamByStatus(String status);

    // Pages of a key prefix, both ways.
    Page<Ticket> findByQueue(String queue, PageRequest page);

    Page<Ticket> findByQueueOrderByNumberDesc(String queue, PageRequest page);

    Page<Ticket> findAllOrderByQueueDesc(PageRequest page);
  }
}
