package io.typedetcd.benchmarks.codec;

import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.repository.CrudRepository;

/** Saves with index maintenance, for the semantics benchmark. */
@EtcdRepository
public interface IndexedInstanceRepository
    extends CrudRepository<IndexedInstance, IndexedInstance.Id> {}
