package io.typedetcd.repository;

import java.util.List;

/**
 * One entity write planned for an attempt: its {@link WritePlan} (guards, then the entity's own
 * writes, then its index writes) and what each guard's failure means.
 *
 * @param write the operation it was planned from, told the outcome after the commit
 * @param plan the guards ({@code when}) and writes ({@code then}); {@code orElse} is empty, the
 *     transaction reads what explains a failure itself
 * @param guards one per compare of {@code plan.when()}, in order
 * @param unconditionalDelete whether the write deletes without reading first, so that whether the
 *     entity existed is learnt from the delete's response (its first op)
 */
record PreparedWrite(
    EntityWrite<?, ?> write, WritePlan plan, List<Guard> guards, boolean unconditionalDelete) {
  PreparedWrite {
    guards = List.copyOf(guards);
    if (guards.size() != plan.when().size()) {
      throw new IllegalArgumentException("one guard per compare");
    }
  }
}
