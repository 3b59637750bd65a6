package io.typedetcd.examples.pages;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.annotation.Layout;
import io.typedetcd.repository.CrudRepository;
import io.typedetcd.repository.Page;
import io.typedetcd.repository.PageRequest;
import org.jspecify.annotations.Nullable;

/** A FIELDS entity keyed by a long: one key per property, newest first in descending pages. */
@EtcdEntity(prefix = "/ex/pages/samples", layout = Layout.FIELDS)
public record Sample(@Key String sensor, @Key long at, double value, @Nullable String unit) {

  @EtcdRepository
  public interface Repository extends CrudRepository<Sample, Sample_Id> {
    Page<Sample> findBySensorOrderByAtDesc(String sensor, PageRequest page);
  }
}
