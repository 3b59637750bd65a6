package io.typedetcd.benchmarks;

import io.typedetcd.benchmarks.codec.Instance;
import io.typedetcd.benchmarks.codec.InstanceRepository;
import io.typedetcd.benchmarks.codec.Instance_Mapper;
import io.typedetcd.client.EtcdClient;
import io.typedetcd.client.EtcdClientBuilder;
import io.typedetcd.client.kv.KV;
import io.typedetcd.repository.AsyncCrudRepository;
import io.typedetcd.repository.Repositories;
import io.typedetcd.testing.EtcdServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Repository overhead: {@code save}/{@code findById} of a generated repository against the raw
 * client's put/get of the same key and JSON value, at 1, 16 and 128 in flight, against one etcd.
 *
 * <pre>{@code
 * benchmarks/run.sh RepositoryLoad -Dops=20000
 * }</pre>
 */
public final class RepositoryLoad {
  private RepositoryLoad() {}

  public static void main(String[] args) throws Exception {
    int ops = Integer.getInteger("ops", 20_000);
    int warmup = Integer.getInteger("warmup", 2_000);
    List<Integer> concs = new ArrayList<>();
    for (String c : System.getProperty("conc", "1,16,128").split(",")) {
      concs.add(Integer.parseInt(c.trim()));
    }
    EtcdServer.Builder builder = BenchEtcd.builder("bench-repo");
    try (EtcdServer etcd = builder.build()) {
      etcd.start();
      long pid = CpuSnapshot.pidOf(etcd.dataDir());
      EtcdClientBuilder clientBuilder = EtcdClient.builder().endpoints(etcd.endpoint());
      if ("cached".equals(System.getProperty("typedExecutor"))) { // the default before session 5
        clientBuilder.executor(Executors.newCachedThreadPool(TypedEtcdDriver.daemonThreads()));
      }
      try (EtcdClient client = clientBuilder.build()) {
        AsyncCrudRepository<Instance, Instance.Id> repo =
            Repositories.create(InstanceRepository.class, client).async();
        KV kv = client.kv();
        Instance_Mapper mapper = new Instance_Mapper();
        Instance[] instances = new Instance[ops];
        for (int i = 0; i < ops; i++) {
          instances[i] =
              new Instance(
                  "eu-west",
                  "i-" + i,
                  "10.0.0." + (i % 250),
                  8443,
                  true,
                  1_764_000_000_000L + i,
                  0.5,
                  "eu-west-1a",
                  List.of("api", "v2"));
        }
        // The raw side does what a hand-written client would: same key, same JSON, plain put/get.
        Runnable warm =
            () -> {
              try {
                for (int c : List.of(1, 16, 128)) {
                  Phase.run("", "", c, warmup, pid, i -> repo.save(instances[i % ops]));
                  Phase.run(
                      "",
                      "",
                      c,
                      warmup,
                      pid,
                      i ->
                          kv.put(
                              mapper.key(mapper.id(instances[i % ops])),
                              mapper.encode(instances[i % ops]),
                              io.typedetcd.client.kv.PutOptions.DEFAULT));
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            };
        warm.run();
        System.out.println(Phase.HEADER);
        for (int c : concs) {
          print(
              Phase.run(
                  "raw client",
                  "put (JSON)",
                  c,
                  ops,
                  pid,
                  i ->
                      kv.put(
                          mapper.key(mapper.id(instances[i])),
                          mapper.encode(instances[i]),
                          io.typedetcd.client.kv.PutOptions.DEFAULT)));
          print(Phase.run("repository", "save", c, ops, pid, i -> repo.save(instances[i])));
        }
        for (int c : concs) {
          print(
              Phase.run(
                  "raw client",
                  "get + decode",
                  c,
                  ops,
                  pid,
                  i -> {
                    var key = mapper.key(mapper.id(instances[i]));
                    return kv.get(key, io.typedetcd.client.kv.GetOptions.DEFAULT)
                        .thenApply(
                            r ->
                                mapper.decode(
                                    key,
                                    r.kvs().get(0).valueBytes(),
                                    r.kvs().get(0).modRevision()));
                  }));
          print(
              Phase.run(
                  "repository",
                  "findById",
                  c,
                  ops,
                  pid,
                  i -> repo.findById(mapper.id(instances[i]))));
        }
      }
    }
  }

  private static void print(Phase.Result r) {
    System.out.println(r.row());
  }
}
