package io.typedetcd.repository;

/**
 * A committed cross-repository transaction.
 *
 * <pre>{@code
 * TransactionResult r = Transactions.run(client, tx -> tx.update(stock, sku, s -> s.minus(1)));
 * log.info("committed at revision {} after {} attempt(s)", r.revision(), r.attempts());
 * }</pre>
 *
 * @param revision the revision the transaction was committed at (0 when it staged nothing)
 * @param attempts how many attempts it took (more than 1 when read-modify-writes were retried)
 */
public record TransactionResult(long revision, int attempts) {}
