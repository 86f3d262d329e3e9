package ai.lepton.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/**
 * A benchmark's database directory, deleted when the JVM ends (normally, by an exception, or by
 * Ctrl-C): an H2 file that writes every commit grows by gigabytes in a long run, and left behind
 * such files fill the disk.
 */
final class ScratchDirectory {

  private ScratchDirectory() {}

  static Path create(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      FileSystemUtils.deleteRecursively(dir);
                    } catch (IOException e) {
                      System.err.println("Could not delete " + dir + ": " + e.getMessage());
                    }
                  },
                  "delete-" + prefix));
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
