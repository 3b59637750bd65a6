package io.typedetcd.examples.keys;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.annotation.Layout;
import io.typedetcd.repository.CrudRepository;

/** Lives under {@code /ex/users2}: {@link User}'s reads must never see these keys. */
@EtcdEntity(prefix = "/ex/users2", layout = Layout.FIELDS)
public record Guest(@Key String id, String name) {

  @EtcdRepository
  public interface Repository extends CrudRepository<Guest, String> {}
}
