package ai.lepton.benchmarks;

import ai.lepton.ml.dataset.DatasetFormat;
import ai.lepton.ml.dataset.DatasetProfiler;
import ai.lepton.ml.dataset.DatasetReader;
import ai.lepton.ml.dataset.ReadLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import weka.core.Instances;

/**
 * Ingest + profile of a generated N-row file (wa_churn rows repeated with their numbers perturbed)
 * against a raw Commons CSV parse of the same bytes, in the same JVM, alternating.
 *
 * <p>Run with the heap the goal names: {@code mvn -q -pl benchmarks exec:exec
 * -Dexec.executable=java -Dexec.args="-Xmx512m -cp %classpath ai.lepton.benchmarks.IngestBenchmark
 * 1000000 3"}
 */
public final class IngestBenchmark {

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    byte[] file = generate(rows);
    System.out.printf(
        Locale.ROOT,
        "Java %s, %d cores, max heap %d MB; file: %,d rows, %.1f MB%n%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024),
        rows,
        file.length / 1e6);
    System.out.println(
        "| run | raw Commons CSV parse (s) | rows/s | Lepton read + profile (s) | rows/s | ratio |"
            + " heap after Lepton (MB) |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (int run = 1; run <= reps; run++) {
      long rawStart = System.nanoTime();
      long fields = rawParse(file);
      double raw = (System.nanoTime() - rawStart) / 1e9;
      if (fields == 0) {
        throw new IllegalStateException("nothing parsed");
      }
      long leptonStart = System.nanoTime();
      Instances data =
          DatasetReader.read(file, DatasetFormat.CSV, "bench", new ReadLimits(0.01, 10_000_000))
              .instances();
      double read = (System.nanoTime() - leptonStart) / 1e9;
      Map<String, Object> profile = DatasetProfiler.profile(data, "churn");
      double lepton = (System.nanoTime() - leptonStart) / 1e9;
      long heap =
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
      if (!profile.containsKey("classBalance") || data.numInstances() != rows) {
        throw new IllegalStateException("unexpected result: " + data.numInstances() + " rows");
      }
      System.out.printf(
          Locale.ROOT,
          "| %d | %.2f | %,.0f | %.2f (read %.2f + profile %.2f) | %,.0f | %.2f | %d |%n",
          run,
          raw,
          rows / raw,
          lepton,
          read,
          lepton - read,
          rows / lepton,
          raw / lepton,
          heap);
      data = null;
      profile = null;
      System.gc();
    }
  }

  /** Parses every record and touches every field, as any consumer of the rows must. */
  static long rawParse(byte[] file) throws Exception {
    long fields = 0;
    try (CSVParser parser =
        CSVParser.builder()
            .setReader(
                new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8))
            .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())
            .get()) {
      for (CSVRecord record : parser) {
        for (String field : record) {
          fields += field.length() > 0 ? 1 : 0;
        }
      }
    }
    return fields;
  }

  /** wa_churn's rows, repeated, tenure and charges perturbed so values keep varying. */
  static byte[] generate(int rows) throws Exception {
    List<String[]> source = new ArrayList<>();
    String header;
    try (InputStream in =
        IngestBenchmark.class.getClassLoader().getResourceAsStream("data/wa_churn.csv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      header = lines[0];
      for (int i = 1; i < lines.length; i++) {
        source.add(lines[i].split(",", -1));
      }
    }
    Random random = new Random(42);
    ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 150);
    out.write((header + "\n").getBytes(StandardCharsets.UTF_8));
    StringBuilder line = new StringBuilder(200);
    for (int r = 0; r < rows; r++) {
      String[] fields = source.get(r % source.size());
      line.setLength(0);
      for (int f = 0; f < fields.length; f++) {
        String value = fields[f];
        if (f == 5) { // tenure
          value = String.valueOf(Math.max(0, Integer.parseInt(value) + random.nextInt(5) - 2));
        } else if ((f == 18 || f == 19) && !value.equals("NA")) { // monthly and total charges
          value =
              String.format(
                  Locale.ROOT,
                  "%.2f",
                  Double.parseDouble(value) * (0.95 + 0.1 * random.nextDouble()));
        }
        line.append(f == 0 ? "" : ",").append(value);
      }
      out.write(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
