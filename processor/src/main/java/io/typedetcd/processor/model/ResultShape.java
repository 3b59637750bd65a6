package io.typedetcd.processor.model;

/** What a derived query returns, inside a {@code CompletableFuture} or not. */
public enum ResultShape {
  /** The entity itself, null when absent. */
  ENTITY,
  OPTIONAL,
  LIST,
  STREAM,
  /** {@code long} or {@code Long}. */
  COUNT,
  /** {@code boolean} or {@code Boolean}. */
  BOOLEAN,
  /** {@code void}, or {@code Void} in a future. */
  VOID,
  /** {@code Page<T>}: one page of a {@code PageRequest}. */
  PAGE,
  /** {@code Subscription}: a typed watch. */
  SUBSCRIPTION
}
