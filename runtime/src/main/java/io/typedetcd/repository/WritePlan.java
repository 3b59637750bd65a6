package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.kv.Cmp;
import io.typedetcd.client.kv.Op;
import java.util.List;

/**
 * One entity write as the parts of a transaction: the guards, the writes, and the reads that
 * explain a failed guard. Kept as data so that several writes can later share one transaction (bulk
 * saves, cross-repository transactions) and index keys can join an entity's write.
 *
 * @param key the entity key
 * @param version the version the write expects: 0 for an insert, the entity's version for an
 *     update; ignored for entities without {@code @Version}
 * @param when guards that must all hold (none for an upsert)
 * @param then the writes
 * @param orElse reads of the entity's current state, run when a guard fails
 */
record WritePlan(ByteString key, long version, List<Cmp> when, List<Op> then, List<Op> orElse) {
  WritePlan {
    when = List.copyOf(when);
    then = List.copyOf(then);
    orElse = List.copyOf(orElse);
  }
}
