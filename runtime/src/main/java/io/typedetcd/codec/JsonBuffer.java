package io.typedetcd.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import java.io.IOException;

/**
 * {@link Json#writer()}: a Jackson generator over this thread's {@link JsonWriter} buffer, reused,
 * so encoding an entity allocates only the final {@link ByteString}. A writer opened while that
 * buffer is in use (a nested encode) gets a private one, as {@link JsonWriter#open()} does.
 */
final class JsonBuffer {
  private JsonBuffer() {}

  static Json.Writer writer(ObjectMapper mapper) throws IOException {
    JsonWriter buffer = JsonWriter.open();
    try {
      return new BufferWriter(buffer, mapper.createGenerator(buffer.sink()));
    } catch (IOException | RuntimeException e) {
      buffer.close();
      throw e;
    }
  }

  /** A writer over one buffer; not thread-safe, like the generator it wraps. */
  private static final class BufferWriter implements Json.Writer {
    private final JsonWriter buffer;
    private final JsonGenerator generator;
    private boolean closed;

    BufferWriter(JsonWriter buffer, JsonGenerator generator) {
      this.buffer = buffer;
      this.generator = generator;
    }

    @Override
    public JsonGenerator generator() {
      return generator;
    }

    @Override
    public ByteString toByteString() throws IOException {
      if (closed) {
        throw new IllegalStateException("the writer is closed");
      }
      generator.flush();
      return buffer.toByteString();
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        generator.close(); // hands Jackson's own buffers back to its recycler
      } catch (IOException e) {
        // Writing to a byte array cannot fail; whatever was written is no longer wanted.
      } finally {
        buffer.close();
      }
    }
  }
}
