package io.typedetcd.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A component of the entity's key. Several {@code @Key}s compose the key path in declaration order:
 * {@code {prefix}/{key1}/{key2}}. Supported types: {@code String}, {@code UUID}, {@code int}/{@code
 * long} (boxed too; encoded so that key order is numeric order) and enums; other types need a
 * {@link #codec()}.
 *
 * <pre>{@code
 * record Order(@Key String customer, @Key long number, double total) {}
 * // /orders/alice/00000000000000000042
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
public @interface Key {
  /**
   * A class implementing {@code io.typedetcd.codec.KeySegmentCodec<T>} with a public no-argument
   * constructor, for key types not supported out of the box. {@code Void.class} means the built-in
   * encoding.
   */
  Class<?> codec() default Void.class;
}
