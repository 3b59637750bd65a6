package io.typedetcd.repository;

import io.typedetcd.client.EtcdClient;
import java.util.Objects;

/**
 * The base of generated repositories of {@code DOCUMENT}-layout entities: one key per entity
 * holding its JSON, the version being the key's mod revision.
 *
 * <pre>{@code
 * // generated
 * public final class ServiceRepository_Impl extends DocumentRepository<ServiceInstance, Id>
 *     implements ServiceRepository {
 *   public ServiceRepository_Impl(EtcdClient client) {
 *     super(client, new ServiceInstance_Mapper());
 *   }
 * }
 * }</pre>
 */
public abstract class DocumentRepository<T, ID> extends AbstractRepository<T, ID> {
  protected DocumentRepository(EtcdClient client, DocumentMapper<T, ID> mapper) {
    super(
        client, mapper, new DocumentStore<>(Objects.requireNonNull(client, "client").kv(), mapper));
  }
}
