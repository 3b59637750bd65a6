package io.typedetcd.client.maintenance;

import io.typedetcd.client.ResponseHeader;

/**
 * A member's backend hash.
 *
 * <pre>{@code
 * long h = client.maintenance().hash(endpoint).join().hash();
 * }</pre>
 *
 * @param header the answering member's header
 * @param hash the 32-bit hash, unsigned
 */
public record HashResponse(ResponseHeader header, long hash) {}
