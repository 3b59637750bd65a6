package io.typedetcd.repository;

import io.typedetcd.client.EtcdClient;
import java.util.Objects;

/**
 * The base of generated repositories of {@code FIELDS}-layout entities: one key per property,
 * {@code {entityKey}/{name}}, saved in one transaction and read with one prefix range. An entity
 * exists while at least one of its property keys does; its version is the highest mod revision
 * among them. Property names the mapper does not know (written by a newer version) are ignored by
 * reads and left alone by saves; a key under the entity prefix that is not {@code
 * {entityKey}/{name}} is reported as a {@link MappingException}.
 *
 * <pre>{@code
 * // generated
 * public final class ConfigRepository_Impl extends FieldsRepository<AppConfig, String>
 *     implements ConfigRepository {
 *   public ConfigRepository_Impl(EtcdClient client) {
 *     super(client, new AppConfig_Mapper());
 *   }
 * }
 * }</pre>
 */
public abstract class FieldsRepository<T, ID> extends AbstractRepository<T, ID> {
  protected FieldsRepository(EtcdClient client, FieldsMapper<T, ID> mapper) {
    super(client, mapper, new FieldsStore<>(Objects.requireNonNull(client, "client").kv(), mapper));
  }
}
