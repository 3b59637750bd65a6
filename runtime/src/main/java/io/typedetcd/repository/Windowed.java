package io.typedetcd.repository;

import io.typedetcd.client.internal.Errors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs an async call per item with at most {@code window} in flight, keeping the results in item
 * order. After the first failure no new call starts; the result fails with that failure once the
 * calls in flight have ended (so nothing is still running when the caller hears about it).
 */
final class Windowed<E, R> {
  private final List<E> items;
  private final int window;
  private final Function<E, CompletableFuture<R>> call;
  private final @Nullable Object[] results;
  private final CompletableFuture<List<R>> done = new CompletableFuture<>();
  private int next; // guarded by this
  private int running; // guarded by this
  private @Nullable Throwable failure; // guarded by this

  private Windowed(List<E> items, int window, Function<E, CompletableFuture<R>> call) {
    this.items = items;
    this.window = window;
    this.call = call;
    this.results = new Object[items.size()];
  }

  static <E, R> CompletableFuture<List<R>> map(
      List<E> items, int window, Function<E, CompletableFuture<R>> call) {
    if (items.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    Windowed<E, R> w = new Windowed<>(items, window, call);
    w.launch();
    return w.done;
  }

  private void launch() {
    List<Integer> starting = new ArrayList<>();
    synchronized (this) {
      while (failure == null && running < window && next < items.size()) {
        starting.add(next++);
        running++;
      }
    }
    for (int i : starting) {
      CompletableFuture<R> f;
      try {
        f = call.apply(items.get(i));
      } catch (RuntimeException e) {
        f = CompletableFuture.failedFuture(e);
      }
      f.whenComplete((r, e) -> ended(i, r, e));
    }
  }

  private void ended(int i, @Nullable R result, @Nullable Throwable error) {
    boolean finished;
    synchronized (this) {
      running--;
      if (error != null) {
        if (failure == null) {
          failure = Errors.unwrap(error);
        }
      } else {
        results[i] = result;
      }
      finished = running == 0 && (failure != null || next == items.size());
    }
    if (!finished) {
      launch();
      return;
    }
    Throwable f;
    synchronized (this) {
      f = failure;
    }
    if (f != null) {
      done.completeExceptionally(f);
    } else {
      @SuppressWarnings("unchecked") // every slot holds the R its call produced
      List<R> list = (List<R>) (List<?>) Arrays.asList(results);
      done.complete(list);
    }
  }
}
