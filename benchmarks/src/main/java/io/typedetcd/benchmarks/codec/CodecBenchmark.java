package io.typedetcd.benchmarks.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The generated mapper's JSON encode and decode against a Jackson databind round trip of the same
 * record. Run: {@code benchmarks/run.sh codec.CodecBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {
  private final Instance_Mapper mapper = new Instance_Mapper();
  private final ObjectMapper databind = new ObjectMapper();
  private final ByteString key =
      ByteString.copyFromUtf8("/bench/instances/eu-west/i-0123456789abcdef");
  private Instance instance;
  private ByteString generatedJson;
  private byte[] databindJson;

  @Setup
  public void setUp() throws IOException {
    instance =
        new Instance(
            "eu-west",
            "i-0123456789abcdef",
            "10.12.34.56",
            8443,
            true,
            1_764_000_000_000L,
            0.75,
            "eu-west-1a",
            List.of("api", "canary", "v2"));
    generatedJson = mapper.encode(instance);
    databindJson = databind.writeValueAsBytes(instance);
  }

  @Benchmark
  public ByteString generatedEncode() {
    return mapper.encode(instance);
  }

  @Benchmark
  public Instance generatedDecode() {
    return mapper.decode(key, generatedJson, 42);
  }

  @Benchmark
  public byte[] databindEncode() throws IOException {
    return databind.writeValueAsBytes(instance);
  }

  @Benchmark
  public Instance databindDecode() throws IOException {
    return databind.readValue(databindJson, Instance.class);
  }

  public static void main(String[] args) throws RunnerException {
    new Runner(new OptionsBuilder().include(CodecBenchmark.class.getSimpleName()).build()).run();
  }
}
