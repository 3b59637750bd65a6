package io.typedetcd.benchmarks.codec;

import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.repository.CrudRepository;

/** Counters, for the update contention benchmark. */
@EtcdRepository
public interface CounterRepository extends CrudRepository<Counter, String> {}
