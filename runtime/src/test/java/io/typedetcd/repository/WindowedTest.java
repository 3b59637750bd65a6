package io.typedetcd.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class WindowedTest {
  final List<CompletableFuture<Integer>> started = new ArrayList<>();

  CompletableFuture<Integer> start(int item) {
    CompletableFuture<Integer> f = new CompletableFuture<>();
    synchronized (started) {
      started.add(f);
    }
    return f;
  }

  @Test
  void keepsAtMostTheWindowInFlightAndResultsInItemOrder() {
    CompletableFuture<List<Integer>> result = Windowed.map(List.of(0, 1, 2, 3, 4), 2, this::start);
    assertThat(started).hasSize(2);

    started.get(1).complete(10); // out of order
    assertThat(started).hasSize(3);
    started.get(0).complete(0);
    started.get(2).complete(20);
    assertThat(started).hasSize(5);
    started.get(4).complete(40);
    assertThat(result).isNotDone();
    started.get(3).complete(30);

    assertThat(result.join()).containsExactly(0, 10, 20, 30, 40);
  }

  @Test
  void afterAFailureNothingNewStartsAndTheResultWaitsForCallsInFlight() {
    CompletableFuture<List<Integer>> result = Windowed.map(List.of(0, 1, 2, 3), 2, this::start);
    started.get(0).completeExceptionally(new IllegalStateException("first"));
    assertThat(started).hasSize(2);
    assertThat(result).isNotDone();

    started.get(1).completeExceptionally(new IllegalStateException("second"));
    assertThatThrownBy(result::join)
        .isInstanceOf(CompletionException.class)
        .hasRootCauseMessage("first");
    assertThat(started).hasSize(2);
  }

  @Test
  void aCallThatThrowsIsAFailure() {
    CompletableFuture<List<Integer>> result =
        Windowed.map(
            List.of(1),
            4,
            i -> {
              throw new IllegalArgumentException("bad entity");
            });
    assertThatThrownBy(result::join).hasRootCauseMessage("bad entity");
  }

  @Test
  void noItemsIsAnEmptyResult() {
    assertThat(Windowed.map(List.<Integer>of(), 4, this::start).join()).isEmpty();
  }
}
