package io.typedetcd.examples.watches;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.annotation.Layout;
import io.typedetcd.repository.CrudRepository;
import io.typedetcd.repository.EntityListener;
import io.typedetcd.repository.EntityWatchOptions;
import io.typedetcd.repository.Subscription;
import org.jspecify.annotations.Nullable;

/** A FIELDS entity (one key per property) watched one at a time. */
@EtcdEntity(prefix = "/ex/watches/switches", layout = Layout.FIELDS)
public record Switch(@Key String app, @Key String name, boolean on, @Nullable String owner) {

  @EtcdRepository
  public interface Repository extends CrudRepository<Switch, Switch_Id> {
    Subscription watchByAppAndName(
        String app,
        String name,
        EntityListener<Switch, Switch_Id> listener,
        EntityWatchOptions options);
  }
}
