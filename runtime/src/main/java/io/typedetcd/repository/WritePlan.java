package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.kv.Cmp;
import io.typedetcd.client.kv.Op;
import java.util.ArrayList;
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

  /**
   * This plan with every {@code Put} (nested transactions included) attached to {@code leaseId}, so
   * the entity key and its index keys expire together; the plan itself when {@code leaseId} is 0.
   */
  WritePlan withLease(long leaseId) {
    return leaseId == 0 ? this : new WritePlan(key, version, when, leased(then, leaseId), orElse);
  }

  private static List<Op> leased(List<Op> ops, long leaseId) {
    List<Op> out = new ArrayList<>(ops.size());
    for (Op op : ops) {
      if (op instanceof Op.Put p) {
        out.add(Op.put(p.key(), p.value(), p.options().withLease(leaseId)));
      } else if (op instanceof Op.Txn t) {
        out.add(Op.txn(t.when(), leased(t.then(), leaseId), leased(t.orElse(), leaseId)));
      } else {
        out.add(op);
      }
    }
    return out;
  }
}
