package io.typedetcd.examples.registry;

import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.repository.CrudRepository;
import java.util.List;

/**
 * Discovery: both finders are single prefix range reads on the leading keys of {@link
 * ServiceInstance}.
 *
 * <pre>{@code
 * ServiceRepository services = Repositories.create(ServiceRepository.class, client);
 * List<ServiceInstance> inZone = services.findByRegionAndZone("eu-west", "a");
 * }</pre>
 */
@EtcdRepository
public interface ServiceRepository extends CrudRepository<ServiceInstance, ServiceInstance_Id> {
  /** Every instance in the region, in key order (zone, then id). */
  List<ServiceInstance> findByRegion(String region);

  /** Every instance in one zone of the region, in id order. */
  List<ServiceInstance> findByRegionAndZone(String region, String zone);
}
