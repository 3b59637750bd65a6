package io.typedetcd.client.kv;

import io.typedetcd.client.ResponseHeader;

/** A compaction's result. */
public record CompactResponse(ResponseHeader header) {}
