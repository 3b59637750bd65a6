package io.typedetcd.examples.semantics;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Indexed;
import io.typedetcd.annotation.Key;
import io.typedetcd.annotation.Version;
import io.typedetcd.repository.CrudRepository;
import io.typedetcd.repository.EntityListener;
import io.typedetcd.repository.EntityWatchOptions;
import io.typedetcd.repository.Page;
import io.typedetcd.repository.PageRequest;
import io.typedetcd.repository.Subscription;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * A service instance with every issue-5 feature the processor generates: a default TTL (saves are
 * attached to a kept-alive lease), a non-unique and a unique index, a version.
 */
@EtcdEntity(prefix = "/ex/semantics/instances", ttl = "2s")
public record Instance(
    @Key String region,
    @Key String id,
    @Indexed String zone,
    @Indexed(unique = true) String address,
    int port,
    @Version long version) {

  public static Instance of(String region, String id, String zone, String address) {
    return new Instance(region, id, zone, address, 80, 0);
  }

  public Instance withZone(String z) {
    return new Instance(region, id, z, address, port, version);
  }

  public Instance withAddress(String a) {
    return new Instance(region, id, zone, a, port, version);
  }

  public Instance withPort(int p) {
    return new Instance(region, id, zone, address, p, version);
  }

  @EtcdRepository
  public interface Repository extends CrudRepository<Instance, Instance_Id> {
    // Through the zone index (non-unique).
    List<Instance> findByZone(String zone);

    List<Instance> findTop2ByZone(String zone);

    Optional<Instance> findFirstByZone(String zone);

    Stream<Instance> streamByZone(String zone);

    long countByZone(String zone);

    boolean existsByZone(String zone);

    long deleteByZone(String zone);

    CompletableFuture<List<Instance>> findByZoneAsync(String zone);

    // Through the address index (unique).
    Optional<Instance> findByAddress(String address);

    CompletableFuture<Instance> findByAddressAsync(String address);

    boolean existsByAddress(String address);

    // Pages of a key prefix, and of everything.
    Page<Instance> findByRegion(String region, PageRequest page);

    CompletableFuture<Page<Instance>> findByRegionAsync(String region, PageRequest page);

    @Override
    Page<Instance> findAll(PageRequest page);

    // Typed watches of a key prefix.
    Subscription watchByRegion(String region, EntityListener<Instance, Instance_Id> listener);

    Subscription watchByRegion(
        String region, EntityListener<Instance, Instance_Id> listener, EntityWatchOptions options);
  }
}
