package io.typedetcd.processor.model;

/** What a property is to the mapper. */
public enum Role {
  /** A {@code @Key} component: part of the key path, not of the value. */
  KEY,
  /** The {@code @Version}: etcd's mod_revision, not stored in the value. */
  VERSION,
  /** {@code @Transient} (or the Java {@code transient} modifier): never stored. */
  TRANSIENT,
  /** A stored property: a JSON field (DOCUMENT) or a field key (FIELDS). */
  VALUE
}
