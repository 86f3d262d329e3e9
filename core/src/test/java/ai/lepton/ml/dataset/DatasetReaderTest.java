package ai.lepton.ml.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import weka.core.Instances;

class DatasetReaderTest {

  @Test
  void readsWaChurnWithItsMissingValues() throws Exception {
    byte[] bytes;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("data/wa_churn.csv")) {
      bytes = in.readAllBytes();
    }
    DatasetReader.Parsed parsed = DatasetReader.read(bytes, null);

    Instances data = parsed.instances();
    assertThat(parsed.format()).isEqualTo(DatasetFormat.CSV);
    assertThat(data.numInstances()).isEqualTo(7043);
    assertThat(data.numAttributes()).isEqualTo(20);
    assertThat(data.attribute("churn").isNominal()).isTrue();
    assertThat(data.attribute("total_charges").isNumeric()).isTrue();
    assertThat(data.attributeStats(data.attribute("total_charges").index()).missingCount)
        .isEqualTo(11);
  }

  @Test
  void sniffsArffFromItsHeader() {
    String arff =
        "% a comment\n@relation tiny\n@attribute x numeric\n@attribute y {a,b}\n@data\n1,a\n2,b\n";
    DatasetReader.Parsed parsed = DatasetReader.read(arff.getBytes(StandardCharsets.UTF_8), null);
    assertThat(parsed.format()).isEqualTo(DatasetFormat.ARFF);
    assertThat(parsed.instances().numInstances()).isEqualTo(2);
  }

  @Test
  void sniffsArffBehindALongCommentHeader() throws Exception {
    byte[] creditG = ai.lepton.ml.RealData.creditGBytes();
    DatasetReader.Parsed parsed = DatasetReader.read(creditG, null);
    assertThat(parsed.format()).isEqualTo(DatasetFormat.ARFF);
    assertThat(parsed.instances().numInstances()).isEqualTo(1000);
  }

  @Test
  void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
    String csv = "name,note,y\n\"Smith, J\",\"said \"\"hi\"\"\nthen left\",1\nDoe,plain,2\n";
    Instances data =
        DatasetReader.read(csv.getBytes(StandardCharsets.UTF_8), DatasetFormat.CSV).instances();
    assertThat(data.instance(0).stringValue(0)).isEqualTo("Smith, J");
    assertThat(data.instance(0).stringValue(1)).isEqualTo("said \"hi\"\nthen left");
    assertThat(data.attribute("y").isNumeric()).isTrue();
  }

  @Test
  void emptyBodyIsRefused() {
    assertThatThrownBy(() -> DatasetReader.read(new byte[0], null))
        .isInstanceOf(DatasetParseException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> DatasetReader.read("  \n\n".getBytes(StandardCharsets.UTF_8), null))
        .isInstanceOf(DatasetParseException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void binaryGarbageIsRefusedAsNotText() {
    byte[] garbage = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13};
    assertThatThrownBy(() -> DatasetReader.read(garbage, null))
        .isInstanceOf(DatasetParseException.class)
        .hasMessageContaining("not text");
    byte[] latin1 = "name\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> DatasetReader.read(latin1, null))
        .isInstanceOf(DatasetParseException.class)
        .hasMessageContaining("UTF-8");
  }

  @Test
  void raggedRowNamesItsLine() {
    String csv = "a,b,c\n1,2,3\n4,5,6\n7,8\n";
    assertThatThrownBy(
            () -> DatasetReader.read(csv.getBytes(StandardCharsets.UTF_8), DatasetFormat.CSV))
        .isInstanceOf(DatasetParseException.class)
        .hasMessageContaining("line 4 has 2 fields but the header has 3");
  }

  @Test
  void unclosedQuoteNamesWhereItOpened() {
    String csv = "a,b\n1,\"open\n2,3\n";
    assertThatThrownBy(
            () -> DatasetReader.read(csv.getBytes(StandardCharsets.UTF_8), DatasetFormat.CSV))
        .isInstanceOf(DatasetParseException.class)
        .hasMessageContainingAll("startline 2", "EOF");
  }

  @Test
  void duplicateColumnNamesAreRefused() {
    String csv = "a,a\n1,2\n";
    assertThatThrownBy(
            () -> DatasetReader.read(csv.getBytes(StandardCharsets.UTF_8), DatasetFormat.CSV))
        .isInstanceOf(DatasetParseException.class)
        .hasMessageContaining("'a' appears twice");
  }

  @Test
  void headerWithoutRowsIsRefused() {
    assertThatThrownBy(
            () -> DatasetReader.read("a,b\n".getBytes(StandardCharsets.UTF_8), DatasetFormat.CSV))
        .isInstanceOf(DatasetParseException.class)
        .hasMessageContaining("no data rows");
  }

  @Test
  void brokenArffNamesTheLine() {
    String arff = "@relation r\n@attribute x numeric\n@attribute y {a,b}\n@data\n1,a\n2,c\n";
    assertThatThrownBy(
            () -> DatasetReader.read(arff.getBytes(StandardCharsets.UTF_8), DatasetFormat.ARFF))
        .isInstanceOf(DatasetParseException.class)
        .hasMessageContaining("line 6");
  }

  @Test
  void detectsSemicolonAndTabDelimitersAndSkipsABom() {
    byte[] semicolons =
        "\uFEFFname;amount;y\n\"Smith; J\";1.5;a\nDoe;2;b\n".getBytes(StandardCharsets.UTF_8);
    Instances data = DatasetReader.read(semicolons, DatasetFormat.CSV).instances();
    assertThat(data.attribute(0).name()).isEqualTo("name");
    assertThat(data.instance(0).stringValue(0)).isEqualTo("Smith; J");
    assertThat(data.attribute("amount").isNumeric()).isTrue();

    Instances tabs =
        DatasetReader.read("a\tb\n1\tx\n2\ty\n".getBytes(StandardCharsets.UTF_8), null).instances();
    assertThat(tabs.numAttributes()).isEqualTo(2);
    assertThat(tabs.attribute("a").isNumeric()).isTrue();
  }

  @Test
  void aFewMalformedRowsAreSetAsideWithLineAndReason() {
    StringBuilder csv = new StringBuilder("x,y\n");
    for (int i = 0; i < 200; i++) {
      csv.append(i).append(",").append(i % 2 == 0 ? "a" : "b").append('\n');
    }
    csv.append("7,a,extra\n").append("oops,b\n");

    DatasetReader.Parsed parsed =
        DatasetReader.read(
            csv.toString().getBytes(StandardCharsets.UTF_8), null, "d", new ReadLimits(0.01, 1000));

    assertThat(parsed.instances().numInstances()).isEqualTo(200);
    assertThat(parsed.badRows()).extracting(BadRow::line).containsExactly(202L, 203L);
    assertThat(parsed.badRows())
        .extracting(BadRow::reason)
        .containsExactly("has 3 fields but the header has 2", "'oops' in numeric column 'x'");
  }

  @Test
  void aColumnThatChangesTypeHalfWayIsRefused() {
    StringBuilder csv = new StringBuilder("x,y\n");
    for (int i = 0; i < 100; i++) {
      csv.append(i < 60 ? String.valueOf(i) : "n/a-" + i).append(",a\n");
    }
    assertThatThrownBy(
            () ->
                DatasetReader.read(
                    csv.toString().getBytes(StandardCharsets.UTF_8),
                    null,
                    "d",
                    new ReadLimits(0.01, 1000)))
        .isInstanceOf(DatasetParseException.class)
        .hasMessageContaining("40 of 100 rows are malformed")
        .hasMessageContaining("line 62 'n/a-60' in numeric column 'x'");
  }

  @Test
  void moreRowsThanTheLimitAreRefused() {
    assertThatThrownBy(
            () ->
                DatasetReader.read(
                    "x\n1\n2\n3\n".getBytes(StandardCharsets.UTF_8),
                    null,
                    "d",
                    new ReadLimits(0.01, 2)))
        .isInstanceOf(DatasetParseException.class)
        .hasMessageContaining("more than 2 rows");
  }

  @Test
  void aTextColumnThatBeginsWithNumbersKeepsEveryLabelInOrder() {
    String csv = "code,y\n1,a\n2,b\nA,a\nB,b\nC,a\n";
    Instances data =
        DatasetReader.read(csv.getBytes(StandardCharsets.UTF_8), DatasetFormat.CSV).instances();
    assertThat(data.attribute("code").isNominal()).isTrue();
    assertThat(java.util.Collections.list(data.attribute("code").enumerateValues()))
        .containsExactly("1", "2", "A", "B", "C");
    assertThat(data.instance(0).stringValue(0)).isEqualTo("1");
  }

  @Test
  void theSinglePassReadsWhatTheTwoPassReaderReads() throws Exception {
    byte[] waChurn;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("data/wa_churn.csv")) {
      waChurn = in.readAllBytes();
    }
    StringBuilder mixed = new StringBuilder("x,y,z\n");
    for (int i = 0; i < 300; i++) {
      mixed
          .append(i == 150 ? "oops" : String.valueOf(i * 0.5))
          .append(',')
          .append(i % 7 == 0 ? "" : "v" + i % 5)
          .append(',')
          .append(i % 2)
          .append('\n');
    }
    for (byte[] bytes :
        java.util.List.of(waChurn, mixed.toString().getBytes(StandardCharsets.UTF_8))) {
      ReadLimits limits = new ReadLimits(0.01, 1_000_000);
      CsvInstancesReader.Result one = CsvOnePassReader.read(bytes, 0, ',', "d", limits);
      CsvInstancesReader.Result two = CsvInstancesReader.readTwice(bytes, 0, ',', "d", limits);
      assertThat(one).as("one pass possible").isNotNull();
      assertThat(one.data().toString()).isEqualTo(two.data().toString());
      assertThat(one.badRows()).isEqualTo(two.badRows());
    }
  }
}
