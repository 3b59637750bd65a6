package io.typedetcd.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code long} property holding the entity's etcd {@code mod_revision}: 0 for an entity never
 * saved. Saving an entity with version 0 inserts it (and fails if it exists); saving one with
 * version {@code v} succeeds only if nobody changed it since {@code v}. Not stored in the value.
 *
 * <pre>{@code
 * record Stock(@Key String sku, int count, @Version long version) {}
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
public @interface Version {}
