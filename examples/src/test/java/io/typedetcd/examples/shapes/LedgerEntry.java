package io.typedetcd.examples.shapes;

import io.typedetcd.annotation.EtcdEntity;
import io.typedetcd.annotation.EtcdRepository;
import io.typedetcd.annotation.Key;
import io.typedetcd.annotation.Transient;
import io.typedetcd.annotation.Version;
import io.typedetcd.repository.CrudRepository;
import java.math.BigDecimal;

/**
 * An immutable class built through a constructor whose parameters are named after its properties,
 * in the DOCUMENT layout, with a long key.
 */
@EtcdEntity(prefix = "/ex/shapes/ledger")
public final class LedgerEntry {
  @Key private final String account;
  @Key private final long sequence;
  private final BigDecimal amount;
  private final String memo;
  @Version private final long version;
  @Transient private int reads;

  public LedgerEntry(String account, long sequence, BigDecimal amount, String memo, long version) {
    this.account = account;
    this.sequence = sequence;
    this.amount = amount;
    this.memo = memo;
    this.version = version;
  }

  public String account() {
    return account;
  }

  public long getSequence() {
    return sequence;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getMemo() {
    return memo;
  }

  public long getVersion() {
    return version;
  }

  public int reads() {
    return ++reads;
  }

  public LedgerEntry withMemo(String newMemo) {
    return new LedgerEntry(account, sequence, amount, newMemo, version);
  }

  @EtcdRepository
  public interface Repository extends CrudRepository<LedgerEntry, LedgerEntry_Id> {}
}
