package ai.lepton.ml.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import ai.lepton.ml.LeptonDatabase;
import ai.lepton.ml.RealData;
import ai.lepton.ml.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import weka.core.Instances;

/**
 * The dataset store on its own tables (H2, Lepton's migrations): an upload (the Australian wine
 * series) is kept byte for byte with the rows set aside, found again by id or by its bytes, derived
 * from, and profiled.
 */
class DatasetStoreTest {

  private static final String WINE_COLUMNS =
      "Fortified,Dry-white,Sweet-white,Red,Rose,Sparkling,Date";

  private JdbcTemplate jdbc;
  private DatasetStore store;

  @BeforeEach
  void freshDatabase() {
    JdbcDataSource dataSource = LeptonDatabase.fresh("dataset-store");
    jdbc = new JdbcTemplate(dataSource);
    store = new DatasetStore(jdbc);
  }

  private static byte[] wineBytes() {
    try (InputStream in =
        DatasetStoreTest.class.getClassLoader().getResourceAsStream("data/wine.arff")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The wine rows as a client's CSV, with a short row and a word in a numeric column at the end.
   */
  private static byte[] wineCsvWithTwoBadRows() {
    String arff = new String(wineBytes(), StandardCharsets.UTF_8);
    String rows = arff.substring(arff.indexOf("@data") + "@data".length()).strip();
    String csv = WINE_COLUMNS + "\n" + rows + "\n2585,1954\nplenty,1,2,3,4,5,1995-08-01\n";
    return csv.getBytes(StandardCharsets.UTF_8);
  }

  private StoredDataset upload(String engagement, String name, byte[] bytes) {
    DatasetReader.Parsed parsed = DatasetReader.read(bytes, null, name, ReadLimits.ACCEPTED);
    return store.storeUpload(engagement, name, bytes, parsed, "analyst");
  }

  private int storedContents() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM lepton_dataset_content", Integer.class);
  }

  @Test
  void anUploadIsKeptAsSentAndFoundAgain() {
    byte[] wine = wineBytes();
    StoredDataset stored = upload("wine-1", "wine.arff", wine);

    assertThat(stored.id()).startsWith("ds-");
    assertThat(List.of(stored.rows(), stored.attributes())).containsExactly(187, 7);
    assertThat(stored.format()).isEqualTo(DatasetFormat.ARFF);
    assertThat(stored.sha256()).isEqualTo(Sha256.hex(wine)).isEqualTo(stored.sourceSha256());
    assertThat(stored.sizeBytes()).isEqualTo(wine.length);
    assertThat(stored.schema().get(6)).containsEntry("name", "Date").containsEntry("type", "date");
    assertThat(store.find(stored.id()))
        .get()
        .usingRecursiveComparison()
        .ignoringFields("createdAt")
        .isEqualTo(stored);
    assertThat(store.findByEngagement("wine-1"))
        .extracting(StoredDataset::id)
        .containsExactly(stored.id());
    assertThat(store.content(stored.id())).isEqualTo(wine);
  }

  @Test
  void theSameBytesSentAgainAreStoredOnceAndFoundByEngagementAndHash() throws Exception {
    byte[] wine = wineBytes();
    StoredDataset first = upload("wine-1", "wine.arff", wine);
    Thread.sleep(2);
    upload("wine-1", "wine-again.arff", wine);
    upload("wine-2", "wine.arff", wine);

    assertThat(storedContents()).isEqualTo(1);
    assertThat(store.findUpload("wine-1", Sha256.hex(wine)).map(StoredDataset::id))
        .contains(first.id());
    assertThat(store.findUpload("wine-3", Sha256.hex(wine))).isEmpty();
    assertThat(store.findUpload("wine-1", Sha256.hex(wineCsvWithTwoBadRows()))).isEmpty();
  }

  @Test
  void theRowsSetAsideAreKeptWithTheirLineAndReason() {
    DatasetReader.Parsed parsed =
        DatasetReader.read(wineCsvWithTwoBadRows(), null, "wine.csv", ReadLimits.ACCEPTED);
    StoredDataset stored =
        store.storeUpload("wine-1", "wine.csv", wineCsvWithTwoBadRows(), parsed, "analyst");

    assertThat(stored.rows()).isEqualTo(187);
    assertThat(store.quarantine(stored.id()))
        .isEqualTo(parsed.badRows())
        .extracting(BadRow::line, BadRow::reason)
        .containsExactly(
            tuple(189L, "has 2 fields but the header has 7"),
            tuple(190L, "'plenty' in numeric column 'Fortified'"));
    assertThat(store.quarantine(upload("wine-2", "wine.arff", wineBytes()).id())).isEmpty();
  }

  @Test
  void aDerivedDatasetNamesItsParentAndRecipeAndLoadsAsDerived() {
    StoredDataset parent = upload("wine-1", "wine.arff", wineBytes());
    Instances prepared = store.load(parent.id());
    prepared.deleteAttributeAt(prepared.attribute("Date").index());
    List<Map<String, Object>> recipe = List.of(Map.of("step", "drop", "attribute", "Date"));

    StoredDataset derived = store.storeDerived(parent, prepared, recipe);

    assertThat(derived.name()).isEqualTo("wine-prepared.arff");
    assertThat(derived.derivedFrom()).isEqualTo(parent.id());
    assertThat(store.get(derived.id()).preparation()).isEqualTo(recipe);
    assertThat(List.of(derived.rows(), derived.attributes())).containsExactly(187, 6);
    assertThat(store.content(derived.id())).isEqualTo(DatasetStore.toArff(prepared));
    Instances loaded = store.load(derived.id());
    assertThat(loaded.equalHeaders(prepared)).isTrue();
    assertThat(loaded.instance(186).toDoubleArray())
        .containsExactly(prepared.instance(186).toDoubleArray());
    assertThat(store.findUpload("wine-1", derived.sha256())).isEmpty();
  }

  @Test
  void loadGivesTheStoredDataAsAFreshCopyEachTime() {
    StoredDataset stored = upload("wine-1", "wine.arff", wineBytes());
    Instances wine = RealData.arff("wine");

    Instances first = store.load(stored.id());
    assertThat(first.equalHeaders(wine)).isTrue();
    assertThat(first.instance(0).toDoubleArray()).containsExactly(wine.instance(0).toDoubleArray());
    first.instance(0).setValue(0, -1);
    first.delete(1);

    Instances second = store.load(stored.id());
    assertThat(second.numInstances()).isEqualTo(187);
    assertThat(second.instance(0).value(0)).isEqualTo(2585);
  }

  @Test
  void theLatestProfileOfADatasetWins() {
    StoredDataset stored = upload("wine-1", "wine.arff", wineBytes());
    Instances wine = store.load(stored.id());
    assertThat(store.latestProfile(stored.id())).isEmpty();

    store.addProfile(stored.id(), "Fortified", DatasetProfiler.profile(wine, "Fortified"));
    store.addProfile(stored.id(), "Red", DatasetProfiler.profile(wine, "Red"));

    DatasetProfile latest = DatasetProfile.of(store.latestProfile(stored.id()).orElseThrow());
    assertThat(latest.targetAttribute()).isEqualTo("Red");
    assertThat(latest.rows()).isEqualTo(187);
    assertThat(latest.attribute("Rose").orElseThrow().missing()).isEqualTo(2);
  }

  @Test
  void anUnknownDatasetIsRefusedByName() {
    assertThat(store.find("ds-none")).isEmpty();
    assertThatThrownBy(() -> store.get("ds-none"))
        .isInstanceOf(UnknownDatasetException.class)
        .hasMessage("No dataset with id 'ds-none'");
    assertThatThrownBy(() -> store.content("ds-none")).isInstanceOf(UnknownDatasetException.class);
    assertThatThrownBy(() -> store.load("ds-none")).isInstanceOf(UnknownDatasetException.class);
    assertThatThrownBy(() -> store.quarantine("ds-none"))
        .isInstanceOf(UnknownDatasetException.class);
    assertThat(store.latestProfile("ds-none")).isEmpty();
  }

  @Test
  void twoCsvFilesOfTheSameBytesLoadUnderTheirOwnNames() {
    byte[] csv = wineCsvWithTwoBadRows();
    StoredDataset first = upload("wine-1", "wine-march.csv", csv);
    StoredDataset second = upload("wine-2", "wine-april.csv", csv);

    assertThat(store.load(first.id()).relationName()).isEqualTo("wine-march.csv");
    assertThat(store.load(second.id()).relationName()).isEqualTo("wine-april.csv");
  }
}
