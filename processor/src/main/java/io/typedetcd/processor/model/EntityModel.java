package io.typedetcd.processor.model;

import com.palantir.javapoet.ClassName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A validated {@code @EtcdEntity}: everything the writers need, nothing they must look up.
 *
 * @param type the entity class
 * @param displayName the name in messages: {@code Order}, or {@code Shop.Order} when nested
 * @param mapper the generated mapper class ({@code Shop_Order_Mapper})
 * @param isPublic whether generated types for it are public (the entity is reachable from any
 *     package)
 * @param prefix the key prefix, absolute, without trailing slash
 * @param layout DOCUMENT or FIELDS
 * @param ttl the default time to live ({@code @EtcdEntity(ttl = ...)}), positive; null for none
 * @param properties every property in declaration order
 * @param construction how to create an instance; null for an entity of another compilation, which
 *     is only referenced
 * @param id the repository ID type
 */
public record EntityModel(
    ClassName type,
    String displayName,
    ClassName mapper,
    boolean isPublic,
    String prefix,
    StorageLayout layout,
    Duration ttl,
    List<PropertyModel> properties,
    Construction construction,
    IdModel id) {

  public EntityModel {
    properties = List.copyOf(properties);
  }

  public List<PropertyModel> keys() {
    return properties.stream().filter(p -> p.role() == Role.KEY).toList();
  }

  /** The stored properties: JSON fields or field keys. */
  public List<PropertyModel> values() {
    return properties.stream().filter(p -> p.role() == Role.VALUE).toList();
  }

  public Optional<PropertyModel> version() {
    return properties.stream().filter(p -> p.role() == Role.VERSION).findFirst();
  }

  /** The {@code @Indexed} properties, in declaration order. */
  public List<PropertyModel> indexed() {
    return properties.stream().filter(PropertyModel::indexed).toList();
  }

  public Optional<PropertyModel> property(String name) {
    return properties.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
