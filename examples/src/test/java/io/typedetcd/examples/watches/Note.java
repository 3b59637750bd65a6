package io.typedetcd.examples.watches;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.annotation.Version;
import io.typedetcd.repository.CrudRepository;
import io.typedetcd.repository.EntityListener;
import io.typedetcd.repository.EntityWatchOptions;
import io.typedetcd.repository.Subscription;

/** A DOCUMENT entity watched one at a time. */
@EtcdEntity(prefix = "/ex/watches/notes")
public record Note(@Key String board, @Key String title, String text, @Version long version) {

  @EtcdRepository
  public interface Repository extends CrudRepository<Note, Note_Id> {
    Subscription watchByBoardAndTitle(
        String board, String title, EntityListener<Note, Note_Id> listener);

    Subscription watchByBoardAndTitle(
        String board,
        String title,
        EntityListener<Note, Note_Id> listener,
        EntityWatchOptions options);
  }
}
