package io.typedetcd.examples.keys;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.annotation.Layout;
import io.typedetcd.repository.CrudRepository;
import java.util.List;

/** A FIELDS entity keyed by an int, for numeric order across the int range. */
@EtcdEntity(prefix = "/ex/keys/scores", layout = Layout.FIELDS)
public record Score(@Key int points, String player) {

  @EtcdRepository
  public interface Repository extends CrudRepository<Score, Integer> {
    List<Score> findAllOrderByPointsDesc();
  }
}
