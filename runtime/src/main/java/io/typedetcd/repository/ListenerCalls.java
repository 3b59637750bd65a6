package io.typedetcd.repository;

import io.typedetcd.client.EtcdException;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/** Calls a typed watch's listener, remembering the last revision it was given. */
final class ListenerCalls<T, ID> {
  private static final System.Logger LOG = System.getLogger(ListenerCalls.class.getName());

  private final EntityListener<T, ID> listener;
  private volatile long delivered;

  ListenerCalls(EntityListener<T, ID> listener) {
    this.listener = listener;
  }

  long delivered() {
    return delivered;
  }

  /**
   * Hands the events over in order while {@code live} holds; what the listener throws comes out as
   * a {@link ListenerFailure}.
   */
  void deliver(List<EntityEvent<T, ID>> events, BooleanSupplier live) {
    for (EntityEvent<T, ID> e : events) {
      if (!live.getAsBoolean()) {
        return;
      }
      try {
        listener.onEvent(e);
      } catch (RuntimeException x) {
        throw new ListenerFailure(x);
      }
      delivered = e.revision();
    }
  }

  /** The last call: {@code onError}, or {@code onClosed} when there is no error. */
  void terminal(@Nullable EtcdException error) {
    try {
      if (error != null) {
        listener.onError(error);
      } else {
        listener.onClosed();
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "an EntityListener's terminal callback threw", e);
    }
  }

  /** A listener's exception, carried through the watch's chain to end the subscription. */
  static final class ListenerFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ListenerFailure(RuntimeException cause) {
      super(cause);
    }
  }
}
