package io.typedetcd.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name a property is stored under: its JSON field name ({@code DOCUMENT} layout) or its key
 * segment ({@code FIELDS} layout). Names must stay unique within the entity.
 *
 * <pre>{@code
 * record Limits(@Key String tenant, @Name("max-connections") int maxConnections) {}
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
public @interface Name {
  String value();
}
