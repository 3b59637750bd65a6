package io.typedetcd.repository;

import io.typedetcd.client.EtcdClient;

/**
 * How {@link Repositories#create} finds generated repositories: the processor registers one
 * provider per {@code @EtcdRepository} in {@code META-INF/services}. Not for applications.
 */
public interface RepositoryProvider {
  /** The {@code @EtcdRepository} interface this provider implements. */
  Class<?> repositoryType();

  /** A new repository instance on this client. */
  Object create(EtcdClient client);
}
