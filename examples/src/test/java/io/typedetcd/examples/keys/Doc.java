package io.typedetcd.examples.keys;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.repository.CrudRepository;
import java.util.List;

/** A document under two string keys, for values that try to forge a key path. */
@EtcdEntity(prefix = "/ex/keys/docs")
public record Doc(@Key String owner, @Key String name, String body) {

  public Doc_Id id() {
    return new Doc_Id(owner, name);
  }

  @EtcdRepository
  public interface Repository extends CrudRepository<Doc, Doc_Id> {
    List<Doc> findByOwner(String owner);

    long countByOwner(String owner);
  }
}
