package io.typedetcd.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A secondary index on a property, kept in the same transaction as the entity, so a repository can
 * declare {@code findBy<Property>}.
 *
 * <pre>{@code
 * record ServiceInstance(@Key String id, @Indexed String zone, @Indexed(unique = true) String host) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT
})
public @interface Indexed {
  /** At most one entity may have a given value; a second is refused with a typed error. */
  boolean unique() default false;
}
