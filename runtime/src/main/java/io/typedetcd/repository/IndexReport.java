package io.typedetcd.repository;

import java.util.List;

/**
 * Index drift found by {@code verifyIndexes()} (or found and repaired by {@code rebuildIndexes()}):
 * the difference between the index keys the stored entities call for and the index keys stored, at
 * one revision. Keys are named as the client sees them (without its namespace).
 *
 * <pre>{@code
 * IndexReport r = services.verifyIndexes();
 * if (!r.consistent()) {
 *   log.warn("index drift: {}", r);
 *   services.rebuildIndexes();
 * }
 * }</pre>
 *
 * @param revision the revision entities and index keys were read at
 * @param entities how many entities were read
 * @param missingKeys index keys an entity calls for that were not stored
 * @param staleKeys index keys stored that no entity calls for (or a unique key naming the wrong
 *     entity)
 * @param duplicates unique values held by several entities, as {@code property 'value': key, key}:
 *     written past the repository; not repaired, fix the entities
 * @param undecodable keys of entities that do not decode, whose index keys are left alone
 */
public record IndexReport(
    long revision,
    long entities,
    List<String> missingKeys,
    List<String> staleKeys,
    List<String> duplicates,
    List<String> undecodable) {
  public IndexReport {
    missingKeys = List.copyOf(missingKeys);
    staleKeys = List.copyOf(staleKeys);
    duplicates = List.copyOf(duplicates);
    undecodable = List.copyOf(undecodable);
  }

  /** Whether the indexes match the entities exactly. */
  public boolean consistent() {
    return missingKeys.isEmpty()
        && staleKeys.isEmpty()
        && duplicates.isEmpty()
        && undecodable.isEmpty();
  }
}
