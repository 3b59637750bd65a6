package io.typedetcd.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record or class stored in etcd. The processor checks it at compile time and generates a
 * reflection-free mapper ({@code Name_Mapper}) next to it.
 *
 * <pre>{@code
 * @EtcdEntity(prefix = "/registry/services")
 * public record ServiceInstance(
 *     @Key String region,     // key: /registry/services/{region}/{id}
 *     @Key String id,
 *     String host,
 *     int port,
 *     @Version long version) {}
 * }</pre>
 *
 * <p>The prefix is absolute ({@code /...}), has no empty segment ({@code //}) and does not end in
 * {@code /}; two entities' prefixes must not overlap, so a range read of one never returns the
 * other's keys.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface EtcdEntity {
  /** Where the entity's keys live, e.g. {@code "/registry/services"}. */
  String prefix();

  /** How an entity is laid out in keys and values. */
  Layout layout() default Layout.DOCUMENT;

  /**
   * A default time to live for saved entities, as an ISO-8601 duration ({@code "PT30S"}) or a
   * number with a unit ({@code "30s"}, {@code "5m"}); empty for none. Entities with a TTL are
   * attached to a lease the client keeps alive while the process lives.
   */
  String ttl() default "";
}
