package io.typedetcd.client.internal;

import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.Status;
import org.jspecify.annotations.Nullable;

/**
 * Hands a streaming call's events to its owner together with the call (so the owner can ignore a
 * call it already replaced) and the auth token it was started with (to refresh exactly that one).
 */
final class CallEvents<T> extends ClientCall.Listener<T> {
  /** The owner of the call. */
  interface Sink<T> {
    void onMessage(ClientCall<?, ?> call, T message);

    void onClose(ClientCall<?, ?> call, @Nullable String token, Status status);
  }

  private final Sink<T> sink;
  private final ClientCall<?, ?> call;
  private final @Nullable String token;

  CallEvents(Sink<T> sink, ClientCall<?, ?> call, @Nullable AuthTokens tokens) {
    this.sink = sink;
    this.call = call;
    this.token = tokens == null ? null : tokens.current();
  }

  @Override
  public void onMessage(T message) {
    sink.onMessage(call, message);
  }

  @Override
  public void onClose(Status status, Metadata trailers) {
    sink.onClose(call, token, status);
  }
}
