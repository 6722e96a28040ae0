package io.capacityctl.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses to read past a number of bytes: the bound for inputs whose size is not known up front (a
 * pipe, a device), which {@link CsvRows} otherwise checks before reading.
 */
final class LimitedInputStream extends FilterInputStream {
  /** Thrown when the input goes on past the limit. */
  static final class TooLarge extends IOException {
    TooLarge(long limit) {
      super("more than " + CsvRows.bytes(limit) + "; split it or keep fewer days");
    }
  }

  private final long limit;
  private long read;

  LimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(int n) throws IOException {
    read += n;
    if (read > limit) {
      throw new TooLarge(limit);
    }
  }
}
