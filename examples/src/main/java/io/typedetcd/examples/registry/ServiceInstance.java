package io.typedetcd.examples.registry;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.Key;

/**
 * One running instance of a service, stored under {@code /registry/services/{region}/{zone}/{id}}:
 * the key order makes "every instance in a region" and "every instance in a zone" prefix reads.
 *
 * <pre>{@code
 * new ServiceInstance("eu-west", "a", "api-1", "10.0.0.1", 8080)
 * }</pre>
 */
@EtcdEntity(prefix = "/registry/services")
public record ServiceInstance(
    @Key String region, @Key String zone, @Key String id, String host, int port) {

  /** {@code id (region/zone, host:port)}, for messages. */
  public String describe() {
    return id + " (" + region + "/" + zone + ", " + host + ":" + port + ")";
  }
}
