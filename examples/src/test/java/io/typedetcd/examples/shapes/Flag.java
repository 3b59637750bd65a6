package io.typedetcd.examples.shapes;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.annotation.Layout;
import io.typedetcd.annotation.Version;
import io.typedetcd.repository.CrudRepository;
import org.jspecify.annotations.Nullable;

/** A JavaBean in the FIELDS layout, keyed by an enum and a string. */
@EtcdEntity(prefix = "/ex/shapes/flags", layout = Layout.FIELDS)
public class Flag {
  public enum Stage {
    DEV,
    PROD
  }

  @Key private Stage stage;
  @Key private String name;
  private boolean enabled;
  private int rollout;
  private @Nullable String description;
  @Version private long version;

  public Stage getStage() {
    return stage;
  }

  public void setStage(Stage stage) {
    this.stage = stage;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public int getRollout() {
    return rollout;
  }

  public void setRollout(int rollout) {
    this.rollout = rollout;
  }

  public @Nullable String getDescription() {
    return description;
  }

  public void setDescription(@Nullable String description) {
    this.description = description;
  }

  public long getVersion() {
    return version;
  }

  public void setVersion(long version) {
    this.version = version;
  }

  public static Flag of(Stage stage, String name, boolean enabled, int rollout) {
    Flag f = new Flag();
    f.setStage(stage);
    f.setName(name);
    f.setEnabled(enabled);
    f.setRollout(rollout);
    return f;
  }

  /** The id is the record the processor generates for the two keys. */
  @EtcdRepository
  public interface Repository extends CrudRepository<Flag, Flag_Id> {}
}
