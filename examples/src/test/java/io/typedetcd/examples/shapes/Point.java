package io.typedetcd.examples.shapes;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.annotation.Version;
import io.typedetcd.repository.CrudRepository;

/** A class with public fields in the DOCUMENT layout. */
@EtcdEntity(prefix = "/ex/shapes/points")
public class Point {
  @Key public String name;
  public double x;
  public double y;
  @Version public long version;

  public Point() {}

  public Point(String name, double x, double y) {
    this.name = name;
    this.x = x;
    this.y = y;
  }

  @EtcdRepository
  public interface Repository extends CrudRepository<Point, String> {}
}
