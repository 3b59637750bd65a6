package io.typedetcd.client.kv;

import com.google.protobuf.ByteString;
import io.typedetcd.proto.etcdserverpb.Compare;
import java.util.Objects;

/**
 * A comparison a transaction checks before choosing its branch.
 *
 * <pre>{@code
 * Cmp.createRevision("/users/42").equalTo(0)        // the key does not exist
 * Cmp.modRevision("/users/42").equalTo(version)     // nobody changed it since we read it
 * Cmp.value("/flags/beta").equalTo("on")
 * Cmp.version("/jobs/").withPrefix().greaterThan(0) // some key under /jobs/ exists
 * }</pre>
 */
public final class Cmp {
  private final ByteString key;
  private final KeyRange range;
  private final ByteString end;
  private final Compare.CompareTarget target;
  private final Compare.CompareResult result;
  private final long number;
  private final ByteString value;

  private Cmp(Subject subject, Compare.CompareResult result, long number, ByteString value) {
    this.key = subject.key;
    this.range = subject.range;
    this.end = subject.end;
    this.target = subject.target;
    this.result = result;
    this.number = number;
    this.value = value;
  }

  /** Compares the key's value. */
  public static ValueSubject value(String key) {
    return value(ByteString.copyFromUtf8(key));
  }

  public static ValueSubject value(ByteString key) {
    return new ValueSubject(key, KeyRange.KEY, ByteString.EMPTY);
  }

  /** Compares the key's version (number of changes since creation; 0 = absent). */
  public static NumberSubject version(String key) {
    return version(ByteString.copyFromUtf8(key));
  }

  public static NumberSubject version(ByteString key) {
    return new NumberSubject(key, Compare.CompareTarget.VERSION);
  }

  /** Compares the revision that created the key (0 = absent). */
  public static NumberSubject createRevision(String key) {
    return createRevision(ByteString.copyFromUtf8(key));
  }

  public static NumberSubject createRevision(ByteString key) {
    return new NumberSubject(key, Compare.CompareTarget.CREATE);
  }

  /** Compares the revision that last changed the key (0 = absent). */
  public static NumberSubject modRevision(String key) {
    return modRevision(ByteString.copyFromUtf8(key));
  }

  public static NumberSubject modRevision(ByteString key) {
    return new NumberSubject(key, Compare.CompareTarget.MOD);
  }

  /** Compares the key's lease id (0 = none). */
  public static NumberSubject lease(String key) {
    return lease(ByteString.copyFromUtf8(key));
  }

  public static NumberSubject lease(ByteString key) {
    return new NumberSubject(key, Compare.CompareTarget.LEASE);
  }

  /** The key compared. */
  public ByteString key() {
    return key;
  }

  /** The comparison as etcd's wire type, before any namespace is applied. */
  public Compare toProto() {
    Compare.Builder b =
        Compare.newBuilder()
            .setKey(key)
            .setRangeEnd(range.end(key, end))
            .setTarget(target)
            .setResult(result);
    switch (target) {
      case VERSION -> b.setVersion(number);
      case CREATE -> b.setCreateRevision(number);
      case MOD -> b.setModRevision(number);
      case LEASE -> b.setLease(number);
      case VALUE -> b.setValue(value);
      default -> throw new IllegalStateException("unknown target " + target);
    }
    return b.build();
  }

  @Override
  public String toString() {
    return target
        + "("
        + key.toStringUtf8()
        + (range == KeyRange.KEY ? "" : " " + range)
        + ") "
        + result
        + " "
        + (target == Compare.CompareTarget.VALUE ? value.toStringUtf8() : number);
  }

  /** What a comparison is about: a target of a key or key range. */
  abstract static class Subject {
    final ByteString key;
    final Compare.CompareTarget target;
    KeyRange range = KeyRange.KEY;
    ByteString end = ByteString.EMPTY;

    Subject(ByteString key, Compare.CompareTarget target) {
      this.key = Objects.requireNonNull(key, "key");
      this.target = target;
    }
  }

  /** A numeric target (version, revisions, lease) of a key or range. */
  public static final class NumberSubject extends Subject {
    NumberSubject(ByteString key, Compare.CompareTarget target) {
      super(key, target);
    }

    /** Compares every key starting with the key; all must satisfy the comparison. */
    public NumberSubject withPrefix() {
      range = KeyRange.PREFIX;
      return this;
    }

    /** Compares every key from the key to {@code end} (exclusive). */
    public NumberSubject withRangeEnd(ByteString end) {
      range = KeyRange.RANGE;
      this.end = Objects.requireNonNull(end, "end");
      return this;
    }

    public Cmp equalTo(long n) {
      return new Cmp(this, Compare.CompareResult.EQUAL, n, ByteString.EMPTY);
    }

    public Cmp notEqualTo(long n) {
      return new Cmp(this, Compare.CompareResult.NOT_EQUAL, n, ByteString.EMPTY);
    }

    public Cmp greaterThan(long n) {
      return new Cmp(this, Compare.CompareResult.GREATER, n, ByteString.EMPTY);
    }

    public Cmp lessThan(long n) {
      return new Cmp(this, Compare.CompareResult.LESS, n, ByteString.EMPTY);
    }
  }

  /** The value of a key or range. */
  public static final class ValueSubject extends Subject {
    ValueSubject(ByteString key, KeyRange range, ByteString end) {
      super(key, Compare.CompareTarget.VALUE);
      this.range = range;
      this.end = end;
    }

    /** Compares every key starting with the key; all must satisfy the comparison. */
    public ValueSubject withPrefix() {
      return new ValueSubject(key, KeyRange.PREFIX, ByteString.EMPTY);
    }

    public Cmp equalTo(String v) {
      return equalTo(ByteString.copyFromUtf8(v));
    }

    public Cmp equalTo(ByteString v) {
      return new Cmp(this, Compare.CompareResult.EQUAL, 0, v);
    }

    public Cmp notEqualTo(String v) {
      return new Cmp(this, Compare.CompareResult.NOT_EQUAL, 0, ByteString.copyFromUtf8(v));
    }

    public Cmp greaterThan(String v) {
      return new Cmp(this, Compare.CompareResult.GREATER, 0, ByteString.copyFromUtf8(v));
    }

    public Cmp lessThan(String v) {
      return new Cmp(this, Compare.CompareResult.LESS, 0, ByteString.copyFromUtf8(v));
    }
  }
}
