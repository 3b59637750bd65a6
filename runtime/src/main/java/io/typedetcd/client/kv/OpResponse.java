package io.typedetcd.client.kv;

import io.typedetcd.client.ResponseHeader;

/** The result of one operation: a put, get, delete or nested transaction. */
public sealed interface OpResponse permits PutResponse, GetResponse, DeleteResponse, TxnResponse {
  /** The cluster state when the operation was applied. */
  ResponseHeader header();
}
