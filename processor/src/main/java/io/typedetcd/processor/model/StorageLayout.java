package io.typedetcd.processor.model;

/** The processor's copy of {@code io.typedetcd.annotation.Layout}, read by constant name. */
public enum StorageLayout {
  DOCUMENT,
  FIELDS
}
