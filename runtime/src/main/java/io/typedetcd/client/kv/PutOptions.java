package io.typedetcd.client.kv;

import com.google.protobuf.ByteString;
import io.typedetcd.proto.etcdserverpb.PutRequest;

/**
 * How to write: with a lease, returning the previous value, or keeping the current value or lease.
 * Immutable; each {@code withX} returns a copy.
 *
 * <pre>{@code
 * kv.put("/services/a1", "10.0.0.1:80", PutOptions.DEFAULT.withLease(leaseId).withPrevKv());
 * }</pre>
 */
public final class PutOptions {
  public static final PutOptions DEFAULT = new PutOptions(PutRequest.getDefaultInstance());

  private final PutRequest template;

  private PutOptions(PutRequest template) {
    this.template = template;
  }

  /** Attaches the key to this lease: it is deleted when the lease ends. */
  public PutOptions withLease(long leaseId) {
    return new PutOptions(template.toBuilder().setLease(leaseId).build());
  }

  /** Returns the key-value as it was before this put. */
  public PutOptions withPrevKv() {
    return new PutOptions(template.toBuilder().setPrevKv(true).build());
  }

  /** Keeps the current value (the key must exist; pass an empty value). */
  public PutOptions withIgnoreValue() {
    return new PutOptions(template.toBuilder().setIgnoreValue(true).build());
  }

  /** Keeps the current lease (the key must exist). */
  public PutOptions withIgnoreLease() {
    return new PutOptions(template.toBuilder().setIgnoreLease(true).build());
  }

  /** The request for {@code key} and {@code value}, before any namespace is applied. */
  public PutRequest toRequest(ByteString key, ByteString value) {
    if (this == DEFAULT) {
      return PutRequest.newBuilder().setKey(key).setValue(value).build();
    }
    return template.toBuilder().setKey(key).setValue(value).build();
  }

  @Override
  public String toString() {
    return "PutOptions{" + template.toString().replace('\n', ' ').trim() + "}";
  }
}
