package io.typedetcd.repository;

import io.typedetcd.client.EtcdException;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.kv.Cmp;
import io.typedetcd.proto.etcdserverpb.Compare;
import java.util.List;
import java.util.function.LongFunction;

/**
 * One compare of a planned write and what it means when it fails. A guard on state the write read
 * itself (an update's read, an index key) is {@code retryable}: reading again and re-planning can
 * succeed. A guard on what the caller passed in (the entity's {@code @Version}, "insert only") is
 * not: its failure is the caller's conflict.
 *
 * @param cmp the compare
 * @param retryable whether a failure is cured by reading and planning again
 * @param conflict the exception for a failure, given the compared range's current version (its
 *     highest mod revision, 0 when absent); for a retryable guard, what is reported once retries
 *     run out
 */
record Guard(Cmp cmp, boolean retryable, LongFunction<EtcdException> conflict) {

  /**
   * Whether the compare holds for the keys of its range, the way etcd decides it: every key must
   * satisfy it, and an empty range compares as one absent key (revisions 0), except that a value
   * compare on no key always fails.
   */
  static boolean holds(Compare c, List<KeyValue> kvs) {
    if (kvs.isEmpty()) {
      return c.getTarget() != Compare.CompareTarget.VALUE
          && compare(c, new KeyValue(c.getKey(), com.google.protobuf.ByteString.EMPTY, 0, 0, 0, 0));
    }
    for (KeyValue kv : kvs) {
      if (!compare(c, kv)) {
        return false;
      }
    }
    return true;
  }

  /** The current version of a compared range: its highest mod revision, 0 when no key exists. */
  static long version(List<KeyValue> kvs) {
    long max = 0;
    for (KeyValue kv : kvs) {
      max = Math.max(max, kv.modRevision());
    }
    return max;
  }

  private static boolean compare(Compare c, KeyValue kv) {
    int order;
    switch (c.getTarget()) {
      case VERSION -> order = Long.compare(kv.version(), c.getVersion());
      case CREATE -> order = Long.compare(kv.createRevision(), c.getCreateRevision());
      case MOD -> order = Long.compare(kv.modRevision(), c.getModRevision());
      case LEASE -> order = Long.compare(kv.lease(), c.getLease());
      case VALUE ->
          order =
              com.google.protobuf.ByteString.unsignedLexicographicalComparator()
                  .compare(kv.valueBytes(), c.getValue());
      default -> throw new IllegalArgumentException("unknown compare target " + c.getTarget());
    }
    switch (c.getResult()) {
      case EQUAL:
        return order == 0;
      case NOT_EQUAL:
        return order != 0;
      case GREATER:
        return order > 0;
      case LESS:
        return order < 0;
      default:
        throw new IllegalArgumentException("unknown compare result " + c.getResult());
    }
  }
}
