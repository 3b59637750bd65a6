package io.typedetcd.repository;

import io.typedetcd.client.EtcdException;
import io.typedetcd.client.internal.Errors;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * Runs a read-plan-commit attempt again when it failed only on guards over what it had read itself
 * (another writer got in between): at once, then with the client's retry backoff, at most {@link
 * #MAX_ATTEMPTS} times, like Kubernetes' {@code GuaranteedUpdate}. When attempts run out, the last
 * conflict is reported.
 */
final class Retries {
  /** Attempts of one operation before its conflict is reported. */
  static final int MAX_ATTEMPTS = 50;

  private Retries() {}

  /** An attempt lost a race: {@link #fallback} is what to report if no attempt is left. */
  static final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final EtcdException fallback;

    Conflict(EtcdException fallback) {
      super(fallback.getMessage(), null, false, false);
      this.fallback = fallback;
    }
  }

  /** What a run produced and how many attempts it took. */
  record Outcome<R>(R value, int attempts) {}

  /** Runs {@code attempt} (given its number, from 1) until it does not fail with a conflict. */
  static <R> CompletableFuture<Outcome<R>> run(
      TxnContext ctx, int maxAttempts, IntFunction<CompletableFuture<R>> attempt) {
    return run(ctx, maxAttempts, attempt, 1);
  }

  private static <R> CompletableFuture<Outcome<R>> run(
      TxnContext ctx, int maxAttempts, IntFunction<CompletableFuture<R>> attempt, int n) {
    CompletableFuture<R> f;
    try {
      f = attempt.apply(n);
    } catch (RuntimeException e) {
      f = CompletableFuture.failedFuture(e);
    }
    return f.handle(
            (r, e) -> {
              if (e == null) {
                return CompletableFuture.completedFuture(new Outcome<>(r, n));
              }
              Throwable t = Errors.unwrap(e);
              if (!(t instanceof Conflict c)) {
                return CompletableFuture.<Outcome<R>>failedFuture(t);
              }
              if (n >= maxAttempts) {
                return CompletableFuture.<Outcome<R>>failedFuture(c.fallback);
              }
              // The first retry goes at once (the winner has committed); later ones back off.
              long delay = n == 1 ? 0 : ctx.backoffNanos(n - 1);
              return ctx.later(delay, () -> run(ctx, maxAttempts, attempt, n + 1));
            })
        .thenCompose(x -> x);
  }
}
