package io.typedetcd.repository;

import io.typedetcd.client.EtcdClient;

/** The base of generated repositories of {@code FIELDS}-layout entities. */
public abstract class FieldsRepository<T, ID> extends AbstractRepository<T, ID> {
  protected FieldsRepository(EtcdClient client, FieldsMapper<T, ID> mapper) {
    super(client, mapper);
  }
}
