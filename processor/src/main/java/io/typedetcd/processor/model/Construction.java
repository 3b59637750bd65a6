package io.typedetcd.processor.model;

import java.util.List;

/**
 * How the mapper creates an entity.
 *
 * @param kind the entity shape
 * @param parameters for {@link Kind#RECORD} and {@link Kind#CONSTRUCTOR}: the property behind each
 *     constructor parameter, in parameter order; empty for {@link Kind#SETTERS}
 */
public record Construction(Kind kind, List<String> parameters) {
  public enum Kind {
    /** The canonical constructor of a record. */
    RECORD,
    /** A constructor whose parameters are named after the properties. */
    CONSTRUCTOR,
    /** A no-argument constructor, then setters or fields. */
    SETTERS
  }

  public Construction {
    parameters = List.copyOf(parameters);
  }
}
