package io.typedetcd.examples.injection;

import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.repository.CrudRepository;

/**
 * Implemented by the generated {@code ServiceRepository_Impl}, whose constructor carries
 * {@code @Inject} because jakarta.inject is on this module's class path.
 */
@EtcdRepository
public interface ServiceRepository extends CrudRepository<Service, String> {}
