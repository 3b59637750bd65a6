package io.typedetcd.codec;

import java.io.IOException;

/**
 * A value that is not the JSON {@link JsonReader} expects, saying what and at which byte offset. An
 * {@link IOException} like Jackson's parse errors, which generated mappers turn into a {@code
 * MappingException} naming the entity, key and property.
 */
public final class MalformedJsonException extends IOException {
  private static final long serialVersionUID = 1L;

  public MalformedJsonException(String message) {
    super(message);
  }
}
