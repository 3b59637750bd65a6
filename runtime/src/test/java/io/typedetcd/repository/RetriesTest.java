package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.typedetcd.client.EtcdException;
import io.typedetcd.client.internal.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RetriesTest {
  final ScriptedKv kv = new ScriptedKv();
  final TxnContext ctx = kv.context(128, 1 << 20);
  final List<Integer> attempts = new ArrayList<>();

  CompletableFuture<String> losing(int n, int losses) {
    attempts.add(n);
    return n <= losses
        ? CompletableFuture.failedFuture(
            new Retries.Conflict(new EtcdException("lost " + n, null, null)))
        : CompletableFuture.completedFuture("won at " + n);
  }

  @Test
  void conflictsAreRetriedUntilAnAttemptWins() {
    Retries.Outcome<String> o = Retries.run(ctx, 10, n -> losing(n, 3)).join();
    assertThat(o.value()).isEqualTo("won at 4");
    assertThat(o.attempts()).isEqualTo(4);
    assertThat(attempts).containsExactly(1, 2, 3, 4);
  }

  @Test
  void whenAttemptsRunOutTheLastConflictIsReported() {
    assertThatThrownBy(() -> Retries.run(ctx, 3, n -> losing(n, 100)).join())
        .satisfies(e -> assertThat(Errors.unwrap(e)).hasMessage("lost 3"));
    assertThat(attempts).containsExactly(1, 2, 3);
  }

  @Test
  void otherFailuresAreNotRetried() {
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(
            () ->
                Retries.run(
                        ctx,
                        10,
                        n -> {
                          attempts.add(n);
                          throw boom;
                        })
                    .join())
        .satisfies(e -> assertThat(Errors.unwrap(e)).isSameAs(boom));
    assertThat(attempts).containsExactly(1);
  }
}
