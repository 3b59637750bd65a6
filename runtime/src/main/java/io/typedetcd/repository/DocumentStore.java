package io.typedetcd.repository;

import com.google.protobuf.ByteString;
import io.typedetcd.client.KeyValue;
import io.typedetcd.client.kv.Cmp;
import io.typedetcd.client.kv.DeleteOptions;
import io.typedetcd.client.kv.GetOptions;
import io.typedetcd.client.kv.KV;
import io.typedetcd.client.kv.Op;
import io.typedetcd.client.kv.PutOptions;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code DOCUMENT} layout: one key per entity, holding its JSON. The version is the key's mod
 * revision: an insert is guarded by {@code create_revision == 0}, an update by {@code mod_revision
 * == version}.
 */
final class DocumentStore<T, ID> extends EntityStore<T, ID> {
  private final DocumentMapper<T, ID> documents;

  DocumentStore(KV kv, DocumentMapper<T, ID> mapper) {
    super(kv, mapper);
    this.documents = mapper;
  }

  @Override
  CompletableFuture<Optional<T>> findByKey(ByteString key) {
    return kv.get(key, GetOptions.DEFAULT).thenApply(r -> r.first().map(this::decode));
  }

  @Override
  CompletableFuture<Boolean> existsByKey(ByteString key) {
    return kv.get(key, GetOptions.DEFAULT.withCountOnly()).thenApply(r -> r.count() > 0);
  }

  @Override
  CompletableFuture<Boolean> deleteByKey(ByteString key) {
    return kv.delete(key, DeleteOptions.DEFAULT).thenApply(r -> r.deleted() > 0);
  }

  @Override
  WritePlan savePlan(ByteString key, T entity, long version) {
    Op put = Op.put(key, documents.encode(entity), PutOptions.DEFAULT);
    if (!mapper.hasVersion()) {
      return new WritePlan(key, 0, List.of(), List.of(put), List.of());
    }
    Cmp guard =
        version == 0 ? Cmp.createRevision(key).equalTo(0) : Cmp.modRevision(key).equalTo(version);
    return new WritePlan(
        key,
        version,
        List.of(guard),
        List.of(put),
        List.of(Op.get(key, GetOptions.DEFAULT.withKeysOnly())));
  }

  @Override
  Assembler<T> assembler() {
    return new Assembler<>() {
      @Override
      public void accept(KeyValue kv, Collection<T> out) {
        out.add(decode(kv));
      }

      @Override
      public void finish(Collection<T> out) {}
    };
  }

  @Override
  int keysPerEntity() {
    return 1;
  }

  @Override
  boolean groupsKeys() {
    return false;
  }

  @Override
  CompletableFuture<Long> countByPrefix(ByteString prefix) {
    checkPrefix(prefix);
    return kv.get(prefix, GetOptions.DEFAULT.withPrefix().withCountOnly())
        .thenApply(r -> r.count());
  }

  @Override
  CompletableFuture<Long> deleteByPrefix(ByteString prefix) {
    checkPrefix(prefix);
    return kv.delete(prefix, DeleteOptions.DEFAULT.withPrefix()).thenApply(r -> r.deleted());
  }

  private T decode(KeyValue kv) {
    try {
      return documents.decode(kv.keyBytes(), kv.valueBytes(), kv.modRevision());
    } catch (RuntimeException e) {
      throw mappingFailure(kv.keyBytes(), e);
    }
  }
}
