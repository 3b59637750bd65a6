package io.typedetcd.repository;

import io.typedetcd.client.EtcdClient;

/** The base of generated repositories of {@code DOCUMENT}-layout entities. */
public abstract class DocumentRepository<T, ID> extends AbstractRepository<T, ID> {
  protected DocumentRepository(EtcdClient client, DocumentMapper<T, ID> mapper) {
    super(client, mapper);
  }
}
