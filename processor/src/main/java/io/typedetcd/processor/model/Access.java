package io.typedetcd.processor.model;

/**
 * How generated code reads or writes one property of an entity instance, without reflection.
 *
 * @param kind a method call or a field access
 * @param name the method ({@code host}, {@code getHost}, {@code setHost}) or field name
 */
public record Access(Kind kind, String name) {
  public enum Kind {
    METHOD,
    FIELD
  }

  public static Access method(String name) {
    return new Access(Kind.METHOD, name);
  }

  public static Access field(String name) {
    return new Access(Kind.FIELD, name);
  }
}
