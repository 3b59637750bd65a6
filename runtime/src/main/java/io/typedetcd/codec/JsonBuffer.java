package io.typedetcd.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * The growable byte buffer behind {@link Json#writer()}, one per thread and reused, so encoding an
 * entity allocates only the final {@link ByteString}. A writer opened while this thread's buffer is
 * in use (a nested encode) gets a private buffer instead.
 */
final class JsonBuffer extends OutputStream {
  private static final int INITIAL = 512;
  // A buffer that grew past this for one large value is not kept for the thread's lifetime.
  private static final int RETAINED_MAX = 64 * 1024;
  private static final ThreadLocal<JsonBuffer> BUFFERS = ThreadLocal.withInitial(JsonBuffer::new);

  private byte[] bytes = new byte[INITIAL];
  private int count;
  private boolean inUse;

  static Json.Writer writer(ObjectMapper mapper) throws IOException {
    JsonBuffer buffer = BUFFERS.get();
    if (buffer.inUse) {
      buffer = new JsonBuffer();
    }
    buffer.inUse = true;
    buffer.count = 0;
    try {
      return new BufferWriter(buffer, mapper.createGenerator(buffer));
    } catch (IOException | RuntimeException e) {
      buffer.release();
      throw e;
    }
  }

  @Override
  public void write(int b) {
    ensure(1);
    bytes[count++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, bytes, count, len);
    count += len;
  }

  private void ensure(int more) {
    int needed = count + more;
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
    }
  }

  private ByteString copy() {
    return ByteString.copyFrom(bytes, 0, count);
  }

  private void release() {
    inUse = false;
    count = 0;
    if (bytes.length > RETAINED_MAX) {
      bytes = new byte[INITIAL];
    }
  }

  /** A writer over one buffer; not thread-safe, like the generator it wraps. */
  private static final class BufferWriter implements Json.Writer {
    private final JsonBuffer buffer;
    private final JsonGenerator generator;
    private boolean closed;

    BufferWriter(JsonBuffer buffer, JsonGenerator generator) {
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
      return buffer.copy();
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
        buffer.release();
      }
    }
  }
}
