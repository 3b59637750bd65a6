package io.typedetcd.benchmarks.codec;

import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.repository.CrudRepository;

/** The repository the repository load benchmark drives. */
@EtcdRepository
public interface InstanceRepository extends CrudRepository<Instance, Instance.Id> {}
