package io.typedetcd.examples.interop;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.annotation.Name;
import io.typedetcd.repository.CrudRepository;
import java.util.List;

/** A DOCUMENT entity whose JSON other programs write too. */
@EtcdEntity(prefix = "/ex/interop/profiles")
public record Profile(
    @Key String user,
    @Name("display_name") String displayName,
    int age,
    boolean admin,
    List<String> roles) {

  @EtcdRepository
  public interface Repository extends CrudRepository<Profile, String> {}
}
