package io.typedetcd.examples.queries;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.Key;
import io.typedetcd.annotation.Version;

/** A DOCUMENT entity under three key components: region, warehouse, number. */
@EtcdEntity(prefix = "/ex/queries/shipments")
public record Shipment(
    @Key String region,
    @Key String warehouse,
    @Key int number,
    String item,
    int quantity,
    @Version long version) {

  public static Shipment of(String region, String warehouse, int number) {
    return new Shipment(region, warehouse, number, region + "-" + warehouse + "-" + number, 1, 0);
  }

  /** {@code region/warehouse/number}, to compare results at a glance. */
  public String path() {
    return region + "/" + warehouse + "/" + number;
  }
}
