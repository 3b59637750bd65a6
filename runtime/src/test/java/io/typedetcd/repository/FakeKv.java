package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.ResponseHeader;
import io.typedetcd.client.kv.CompactResponse;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.client.kv.DeleteResponse;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.client.kv.GetResponse;
import io.typedetcd.client.kv.KV;
import io.typedetcd.client.kv.Op;
import io.typedetcd.client.kv.OpResponse;
import io.typedetcd.client.kv.PutOptions;
import io.typedetcd.client.kv.PutResponse;
import io.typedetcd.client.kv.Txn;
import io.typedetcd.proto.etcdserverpb.RangeRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** A KV that serves range reads over fixed data at revision 10, failing calls on demand. */
final class FakeKv implements KV {
  static final long REVISION = 10;

  final TreeMap<ByteString, String> data =
      new TreeMap<>(ByteString.unsignedLexicographicalComparator());
  final List<RangeRequest> requests = Collections.synchronizedList(new ArrayList<>());

  /** The failure of a request, or null to serve it. */
  Function<RangeRequest, Throwable> fail = r -> null;

  FakeKv with(String key, String value) {
    data.put(ByteString.copyFromUtf8(key), value);
    return this;
  }

  @Override
  public CompletableFuture<GetResponse> get(ByteString key, GetOptions options) {
    RangeRequest r = options.toRequest(key);
    requests.add(r);
    Throwable failure = fail.apply(r);
    if (failure != null) {
      return CompletableFuture.failedFuture(failure);
    }
    List<KeyValue> kvs = new ArrayList<>();
    for (Map.Entry<ByteString, String> e : data.subMap(r.getKey(), r.getRangeEnd()).entrySet()) {
      kvs.add(
          new KeyValue(
              e.getKey(),
              r.getKeysOnly() ? ByteString.EMPTY : ByteString.copyFromUtf8(e.getValue()),
              5,
              5,
              1,
              0));
    }
    if (r.getSortOrder() == RangeRequest.SortOrder.DESCEND) {
      Collections.reverse(kvs);
    }
    int count = kvs.size();
    boolean more = r.getLimit() > 0 && kvs.size() > r.getLimit();
    if (more) {
      kvs = kvs.subList(0, (int) r.getLimit());
    }
    List<KeyValue> page = List.copyOf(kvs);
    // completes on another thread, like the real client's executor
    return CompletableFuture.supplyAsync(
        () -> new GetResponse(new ResponseHeader(1, 1, REVISION, 1), page, more, count));
  }

  @Override
  public CompletableFuture<GetResponse> get(String key) {
    return get(ByteString.copyFromUtf8(key), GetOptions.DEFAULT);
  }

  @Override
  public CompletableFuture<GetResponse> get(String key, GetOptions options) {
    return get(ByteString.copyFromUtf8(key), options);
  }

  @Override
  public CompletableFuture<PutResponse> put(String key, String value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<PutResponse> put(String key, String value, PutOptions options) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<PutResponse> put(ByteString key, ByteString value, PutOptions options) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<DeleteResponse> delete(String key) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<DeleteResponse> delete(String key, DeleteOptions options) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<DeleteResponse> delete(ByteString key, DeleteOptions options) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<CompactResponse> compact(long revision) {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<CompactResponse> compact(long revision, boolean physical) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Txn txn() {
    throw new UnsupportedOperationException();
  }

  @Override
  public CompletableFuture<OpResponse> execute(Op op) {
    throw new UnsupportedOperationException();
  }
}
