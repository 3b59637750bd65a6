package io.typedetcd.client.kv;

import io.typedetcd.client.ResponseHeader;
import java.util.List;

/**
 * A transaction's result.
 *
 * @param succeeded whether every comparison held (so the {@code then} branch ran)
 * @param responses one response per operation of the branch that ran, in order
 */
public record TxnResponse(ResponseHeader header, boolean succeeded, List<OpResponse> responses)
    implements OpResponse {
  public TxnResponse {
    responses = List.copyOf(responses);
  }

  /** The response of operation {@code i}, which must be a get. */
  public GetResponse getResponse(int i) {
    return as(i, GetResponse.class);
  }

  /** The response of operation {@code i}, which must be a put. */
  public PutResponse putResponse(int i) {
    return as(i, PutResponse.class);
  }

  /** The response of operation {@code i}, which must be a delete. */
  public DeleteResponse deleteResponse(int i) {
    return as(i, DeleteResponse.class);
  }

  /** The response of operation {@code i}, which must be a nested transaction. */
  public TxnResponse txnResponse(int i) {
    return as(i, TxnResponse.class);
  }

  private <T extends OpResponse> T as(int i, Class<T> type) {
    OpResponse r = responses.get(i);
    if (!type.isInstance(r)) {
      throw new IllegalArgumentException(
          "operation "
              + i
              + " is a "
              + r.getClass().getSimpleName()
              + ", not a "
              + type.getSimpleName());
    }
    return type.cast(r);
  }
}
