package io.typedetcd.processor.model;

/** The leading word of a derived query method. */
public enum QueryVerb {
  FIND("find"),
  STREAM("stream"),
  COUNT("count"),
  EXISTS("exists"),
  DELETE("delete"),
  /**
   * A typed watch of a key prefix, or of one entity when every key component is fixed: {@code
   * watchBy<Keys>(..., listener[, options])}.
   */
  WATCH("watch");

  private final String word;

  QueryVerb(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }
}
