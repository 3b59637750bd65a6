package io.typedetcd.examples.keys;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.annotation.Layout;
import io.typedetcd.repository.CrudRepository;
import java.util.List;

/** The FIELDS twin of {@link Doc}: hostile key values followed by a property segment. */
@EtcdEntity(prefix = "/ex/keys/settings", layout = Layout.FIELDS)
public record Setting(@Key String scope, @Key String name, String value) {

  public Setting_Id id() {
    return new Setting_Id(scope, name);
  }

  @EtcdRepository
  public interface Repository extends CrudRepository<Setting, Setting_Id> {
    List<Setting> findByScope(String scope);
  }
}
