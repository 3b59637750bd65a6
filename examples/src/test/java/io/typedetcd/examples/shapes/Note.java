package io.typedetcd.examples.shapes;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.annotation.Version;
import io.typedetcd.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A record in the DOCUMENT layout, with properties streamed directly and through ObjectMapper. */
@EtcdEntity(prefix = "/ex/shapes/notes")
public record Note(
    @Key String id,
    String text,
    int stars,
    List<String> tags,
    Instant createdAt,
    @Nullable String comment,
    @Version long version) {

  public Note withText(String newText) {
    return new Note(id, newText, stars, tags, createdAt, comment, version);
  }

  @EtcdRepository
  public interface Repository extends CrudRepository<Note, String> {}
}
