package io.typedetcd.client.kv;

/** The direction of a sorted range read. */
public enum SortOrder {
  NONE,
  ASCEND,
  DESCEND
}
