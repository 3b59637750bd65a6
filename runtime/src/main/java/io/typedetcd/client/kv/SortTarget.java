package io.typedetcd.client.kv;

/** What a range read is sorted by. */
public enum SortTarget {
  KEY,
  VERSION,
  CREATE_REVISION,
  MOD_REVISION,
  VALUE
}
