package io.typedetcd.client.maintenance;

import io.typedetcd.client.ResponseHeader;

/**
 * A member's hash of its key-value history.
 *
 * <pre>{@code
 * HashKvResponse a = maintenance.hashKv(endpointA, rev).join();
 * HashKvResponse b = maintenance.hashKv(endpointB, rev).join();
 * boolean same = a.hash() == b.hash();
 * }</pre>
 *
 * @param header the answering member's header
 * @param hash the 32-bit hash, unsigned
 * @param compactRevision the compaction revision when the hash was computed
 */
public record HashKvResponse(ResponseHeader header, long hash, long compactRevision) {}
