package ai.lepton.decisions;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A reader that refuses a line longer than a limit, so one endless line (a CSV cell or a JSON
 * record without a line break) cannot fill the memory of a batch that is otherwise read a row at a
 * time.
 */
final class LineLengthLimit extends FilterReader {

  private final int most;
  private int sinceBreak;

  LineLengthLimit(Reader in, int most) {
    super(in);
    this.most = most;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    count(c);
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    for (int i = 0; i < n; i++) {
      count(buffer[offset + i]);
    }
    return n;
  }

  private void count(int c) throws IOException {
    if (c == '\n') {
      sinceBreak = 0;
    } else if (c >= 0 && ++sinceBreak > most) {
      throw new IOException(
          "a line is longer than "
              + most
              + " characters: one record per line, each at most that"
              + " long (lepton.api.max-body)");
    }
  }
}
